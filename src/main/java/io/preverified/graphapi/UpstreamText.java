package io.preverified.graphapi;

/**
 * Text from upstream made safe to keep, log and serve: control characters written as
 * {@code \\uXXXX} (none reaches a log line or a terminal as such, and PostgreSQL cannot
 * hold NUL), and the whole cut to a bound, so that no upstream answer can make a stored
 * row or an API answer unbounded.
 */
final class UpstreamText {

	/** The bound of ids, phone numbers, names and other short values. */
	static final int SHORT = 256;

	/** The bound of error messages. */
	static final int MESSAGE = 2000;

	private UpstreamText() {
	}

	/**
	 * Makes a value printable and bounded.
	 * @param value the value, or {@code null}
	 * @param max the most characters kept
	 * @return the value, escaped and cut, or {@code null}
	 */
	static String bounded(String value, int max) {
		if (value == null) {
			return null;
		}
		StringBuilder text = new StringBuilder(Math.min(value.length(), max));
		for (int i = 0; i < value.length() && text.length() < max; i++) {
			char c = value.charAt(i);
			if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
				text.append("\\u%04x".formatted((int) c));
			}
			else {
				text.append(c);
			}
		}
		return (text.length() > max) ? text.substring(0, max) : text.toString();
	}

	/**
	 * A value for a log line: printable, and cut to 64 characters with its length named.
	 * @param value the value
	 * @return its rendering
	 */
	static String forLog(String value) {
		String printable = bounded(value, 64);
		return (value.length() > 64) ? printable + "... (" + value.length() + " characters)" : printable;
	}

}
