package io.preverified.businesses;

/**
 * A business whose pool the service keeps, with the token its calls upstream carry.
 *
 * @param id the business id at Meta
 * @param name optional label
 * @param accessToken its token; never logged nor returned
 * @param source where it comes from
 * @param paused whether it is left alone: no run, no call upstream
 */
public record Business(String id, String name, String accessToken, Source source, boolean paused) {

	@Override
	public String toString() {
		return "Business[id=%s, name=%s, source=%s, paused=%s]".formatted(this.id, this.name, this.source, this.paused);
	}

	/**
	 * Where a business comes from.
	 */
	public enum Source {

		/** {@code preverified.businesses}: changed only by changing the configuration. */
		CONFIG,

		/** Added through the API, stored in the database. */
		API

	}

}
