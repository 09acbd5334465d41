package io.preverified.numbers;

import java.util.List;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link PhoneNumberNormalizer}: normalisation to E.164.
 */
class PhoneNumberNormalizerTests {

	@Test
	void toE164KeepsE164AndNormalisesFormattedNumbers() {
		assertThat(PhoneNumberNormalizer.toE164("+15551234567")).contains("+15551234567");
		assertThat(PhoneNumberNormalizer.toE164("+1 211-555-5105")).contains("+12115555105");
		assertThat(PhoneNumberNormalizer.toE164("+1 (211) 555.5105")).contains("+12115555105");
		assertThat(PhoneNumberNormalizer.toE164("+44 20 1234 5678")).contains("+442012345678");
	}

	@Test
	void toE164OfE164NumbersAgreesWithLibphonenumber() {
		PhoneNumberUtil util = PhoneNumberUtil.getInstance();
		for (String number : List.of("+15551234567", "+442012345678", "+390612345678", "+8613912345678", "+97312345678",
				"+2250712345678", "+79991234567", "+999123456789", "+80012345678")) {
			String expected;
			try {
				expected = util.format(util.parse(number, "ZZ"), PhoneNumberUtil.PhoneNumberFormat.E164);
			}
			catch (NumberParseException ex) {
				expected = null;
			}
			assertThat(PhoneNumberNormalizer.toE164(number).orElse(null)).as(number).isEqualTo(expected);
		}
	}

	@Test
	void toE164OfSomethingThatIsNotAPhoneNumberGivesNothing() {
		assertThat(PhoneNumberNormalizer.toE164("0800 NOT A NUMBER")).isEmpty();
		assertThat(PhoneNumberNormalizer.toE164("2115555105")).isEmpty();
		assertThat(PhoneNumberNormalizer.toE164("")).isEmpty();
		assertThat(PhoneNumberNormalizer.toE164(null)).isEmpty();
	}

}
