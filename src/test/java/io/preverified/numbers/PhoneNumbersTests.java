package io.preverified.numbers;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link PhoneNumbers}: normalisation to E.164.
 */
class PhoneNumbersTests {

	@Test
	void toE164KeepsE164AndNormalisesFormattedNumbers() {
		assertThat(PhoneNumbers.toE164("+15551234567")).contains("+15551234567");
		assertThat(PhoneNumbers.toE164("+1 211-555-5105")).contains("+12115555105");
		assertThat(PhoneNumbers.toE164("+1 (211) 555.5105")).contains("+12115555105");
		assertThat(PhoneNumbers.toE164("+44 20 1234 5678")).contains("+442012345678");
	}

	@Test
	void toE164OfSomethingThatIsNotAPhoneNumberGivesNothing() {
		assertThat(PhoneNumbers.toE164("0800 NOT A NUMBER")).isEmpty();
		assertThat(PhoneNumbers.toE164("2115555105")).isEmpty();
		assertThat(PhoneNumbers.toE164("")).isEmpty();
		assertThat(PhoneNumbers.toE164(null)).isEmpty();
	}

}
