package io.preverified.numbers;

import java.util.Optional;
import java.util.regex.Pattern;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/**
 * Normalises phone numbers, received in E.164 or formatted, to E.164.
 */
public final class PhoneNumberNormalizer {

	private static final PhoneNumberUtil util = PhoneNumberUtil.getInstance();

	private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{7,14}");

	private PhoneNumberNormalizer() {
	}

	/**
	 * Returns the E.164 form of a number written with its country code, such as
	 * {@code +1 211-555-5105}.
	 * @param number the number as written
	 * @return its E.164 form, or empty when it cannot be parsed
	 */
	public static Optional<String> toE164(String number) {
		if (number == null || number.isBlank()) {
			return Optional.empty();
		}
		// most numbers arrive in E.164 already: parsing them (a fifth of a sync's time)
		// would give them back unchanged once their country calling code is known
		if (E164.matcher(number).matches() && CallingCodes.startsWithKnown(number)) {
			return Optional.of(number);
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
