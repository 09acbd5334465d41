package io.preverified.renewal;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The code in a message's text: the first group of 4 to 8 digits, in any script, that may
 * be split once by {@code -} or a space ({@code WhatsApp code 123-456},
 * {@code Verification code is 123456}, {@code ١٢٣-٤٥٦}). Digits that belong to a longer
 * number, a word ({@code 4sgLq1p5}) or a phone number ({@code +1 555 0100}) are not a
 * code.
 *
 * @param digits the code in ASCII digits, as upstream takes it
 * @param start where the code starts in the text
 * @param end where it ends
 */
record VerificationCode(String digits, int start, int end) {

	private static final Pattern CODE = Pattern.compile("(?<![\\p{L}\\p{N}+])(?<!\\p{N}[- ])"
			+ "(?:\\p{Nd}{2,4}[- ]\\p{Nd}{2,4}(?![\\p{L}\\p{N}])(?![- ]\\p{N})|\\p{Nd}{4,8}(?![\\p{L}\\p{N}]))");

	/**
	 * Finds the code in a text.
	 * @param text the message's text
	 * @return the code, if the text holds one
	 */
	static Optional<VerificationCode> in(String text) {
		Matcher matcher = CODE.matcher(text);
		while (matcher.find()) {
			String digits = digits(matcher.group());
			if (digits.length() >= 4 && digits.length() <= 8) {
				return Optional.of(new VerificationCode(digits, matcher.start(), matcher.end()));
			}
		}
		return Optional.empty();
	}

	/**
	 * The text with every digit of the code as {@code *}, where the code stands and
	 * wherever it is written again (a link that repeats it).
	 * @param text the text the code was found in
	 * @return the text, fit to keep
	 */
	String masked(String text) {
		StringBuilder masked = new StringBuilder(text);
		mask(masked, this.start, this.end);
		int again = masked.indexOf(this.digits);
		while (again >= 0) {
			mask(masked, again, again + this.digits.length());
			again = masked.indexOf(this.digits, again);
		}
		return masked.toString();
	}

	@Override
	public String toString() {
		return "VerificationCode[******]";
	}

	private static void mask(StringBuilder text, int start, int end) {
		for (int i = start; i < end; i++) {
			if (Character.isDigit(text.charAt(i))) {
				text.setCharAt(i, '*');
			}
		}
	}

	private static String digits(String group) {
		StringBuilder digits = new StringBuilder();
		group.codePoints()
			.filter(Character::isDigit)
			.forEach((digit) -> digits.append(Character.forDigit(Character.digit(digit, 10), 10)));
		return digits.toString();
	}

}
