package io.preverified.numbers;

import java.util.Optional;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/**
 * Normalises phone numbers, received in E.164 or formatted, to E.164.
 */
final class PhoneNumbers {

	private static final PhoneNumberUtil util = PhoneNumberUtil.getInstance();

	private PhoneNumbers() {
	}

	/**
	 * Returns the E.164 form of a number written with its country code, such as
	 * {@code +1 211-555-5105}.
	 * @param number the number as written
	 * @return its E.164 form, or empty when it cannot be parsed
	 */
	static Optional<String> toE164(String number) {
		if (number == null || number.isBlank()) {
			return Optional.empty();
		}
		try {
			PhoneNumber parsed = util.parse(number, "ZZ");
			return Optional.of(util.format(parsed, PhoneNumberUtil.PhoneNumberFormat.E164));
		}
		catch (NumberParseException ex) {
			return Optional.empty();
		}
	}

}
