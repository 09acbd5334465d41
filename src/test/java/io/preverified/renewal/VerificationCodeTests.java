package io.preverified.renewal;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reading the code out of the texts Meta sends, in other languages and scripts, and
 * leaving alone digits that are no code; and Twilio's signature, against the example
 * Twilio documents.
 */
class VerificationCodeTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			textBlock = """
					WhatsApp code 123-456                                   | 123456 | WhatsApp code ***-***
					Verification code is 123456                             | 123456 | Verification code is ******
					Código do WhatsApp: 482 913. Não partilhe.              | 482913 | Código do WhatsApp: *** ***. Não partilhe.
					Kode WhatsApp Anda: 9081                                | 9081   | Kode WhatsApp Anda: ****
					رمز واتساب ١٢٣-٤٥٦                                      | 123456 | رمز واتساب ***-***
					Your code 12345678, valid 10 min                        | 12345678 | Your code ********, valid 10 min
					<#> WhatsApp code 271-828 v.whatsapp.com/271828 4sgLq1p5sV6 | 271828 | <#> WhatsApp code ***-*** v.whatsapp.com/****** 4sgLq1p5sV6
					From +1 555 0100: WhatsApp code 314-159                 | 314159 | From +1 555 0100: WhatsApp code ***-***
					""")
	void readsTheCodeAndMasksItsDigits(String text, String code, String masked) {
		VerificationCode found = VerificationCode.in(text).orElseThrow();

		assertThat(found.digits()).isEqualTo(code);
		assertThat(found.masked(text)).isEqualTo(masked);
		assertThat(found.toString()).doesNotContain(code);
	}

	@ParameterizedTest
	@ValueSource(strings = { "Your parcel is on its way", "Call +1 555 0100", "Code 123", "Order 1234567890",
			"ref AB12345CD", "" })
	void digitsThatAreNoCodeAreNone(String text) {
		assertThat(VerificationCode.in(text)).isEmpty();
	}

	@Test
	void twilioSignatureMatchesTwiliosDocumentedExample() {
		Map<String, List<String>> fields = Map.of("CallSid", List.of("CA1234567890ABCDE"), "Caller",
				List.of("+12349013030"), "Digits", List.of("1234"), "From", List.of("+12349013030"), "To",
				List.of("+18005551212"));

		assertThat(TwilioSignature.of("12345", "https://mycompany.com/myapp.php?foo=1&bar=2", fields))
			.isEqualTo("0/KCTR6DLpKmkAf8muzZqo1nDgQ=");
		assertThat(TwilioSignature.signed("12345", "https://mycompany.com/myapp.php?foo=1&bar=2", fields,
				"0/KCTR6DLpKmkAf8muzZqo1nDgQ="))
			.isTrue();
		assertThat(TwilioSignature.signed("12345", "https://mycompany.com/myapp.php?foo=1&bar=3", fields,
				"0/KCTR6DLpKmkAf8muzZqo1nDgQ="))
			.isFalse();
	}

}
