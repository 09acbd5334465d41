package io.preverified.web;

/**
 * The {@code limit} parameter of lists: 1 to 1000, 100 when absent.
 */
public final class Limit {

	/** Largest page a list serves. */
	public static final int MAX = 1000;

	private Limit() {
	}

	/**
	 * Checks a requested page size.
	 * @param limit the parameter, or {@code null}
	 * @return the page size to serve
	 * @throws InvalidParameterException when it is out of range
	 */
	public static int of(Integer limit) {
		if (limit == null) {
			return 100;
		}
		if (limit < 1 || limit > MAX) {
			throw new InvalidParameterException("limit", "must be between 1 and " + MAX + ", was " + limit);
		}
		return limit;
	}

}
