package io.preverified.web;

import java.util.Arrays;
import java.util.Locale;

/**
 * Reads a query parameter that takes one of a fixed set of values. Unlike Spring's own
 * conversion, an empty value is refused rather than taken as absent.
 */
public final class EnumParameter {

	private EnumParameter() {
	}

	/**
	 * Parses a parameter, ignoring case.
	 * @param name the parameter
	 * @param value its value, or {@code null} when absent
	 * @param type the values it takes
	 * @param <E> the enum type
	 * @return the value, or {@code null} when absent
	 * @throws InvalidParameterException when the value is not one of them
	 */
	public static <E extends Enum<E>> E parse(String name, String value, Class<E> type) {
		if (value == null) {
			return null;
		}
		try {
			return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidParameterException(name,
					"must be one of " + Arrays.toString(type.getEnumConstants()) + ", was '" + value + "'");
		}
	}

}
