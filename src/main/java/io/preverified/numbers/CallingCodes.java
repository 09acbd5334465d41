package io.preverified.numbers;

import java.util.Set;

import com.google.i18n.phonenumbers.PhoneNumberUtil;

/**
 * Country calling codes ({@code 44}, {@code 1}), as libphonenumber knows them. They are
 * prefix-free: a number in E.164 starts with exactly one.
 */
public final class CallingCodes {

	private static final PhoneNumberUtil util = PhoneNumberUtil.getInstance();

	private static final Set<Integer> KNOWN = util.getSupportedCallingCodes();

	/**
	 * The calling code of {@code n.phone_number_e164} in SQL, given the known codes as
	 * the text array {@code :callingCodes} ({@link #sqlParameter()}); {@code null} for a
	 * number without E.164.
	 */
	static final String OF_NUMBER = """
			case when substr(n.phone_number_e164, 2, 1) = any(:callingCodes) then substr(n.phone_number_e164, 2, 1)
			    when substr(n.phone_number_e164, 2, 2) = any(:callingCodes) then substr(n.phone_number_e164, 2, 2)
			    else substr(n.phone_number_e164, 2, 3) end""";

	private CallingCodes() {
	}

	/**
	 * Whether a text is a country calling code in use.
	 * @param code such as {@code 44}
	 * @return whether it is
	 */
	public static boolean isKnown(String code) {
		return code != null && code.matches("[1-9]\\d{0,2}") && KNOWN.contains(Integer.parseInt(code));
	}

	/**
	 * Whether a number in E.164 starts with a known calling code.
	 * @param e164 a plus and digits, such as {@code +442071838750}
	 * @return whether it does
	 */
	static boolean startsWithKnown(String e164) {
		for (int length = 1; length <= 3 && length < e164.length(); length++) {
			if (KNOWN.contains(Integer.parseInt(e164.substring(1, 1 + length)))) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The main region of a calling code, such as {@code GB} for {@code 44}.
	 * @param code a known calling code
	 * @return its region, {@code 001} for a non-geographic code
	 */
	static String regionOf(String code) {
		return util.getRegionCodeForCountryCode(Integer.parseInt(code));
	}

	static String[] sqlParameter() {
		return KNOWN.stream().map(String::valueOf).toArray(String[]::new);
	}

}
