package io.preverified.renewal;

/**
 * How a message that may carry a code ended.
 */
enum InboundOutcome {

	/** Its code verified the number it was sent to. */
	VERIFIED,

	/** Its text holds no code. */
	NO_CODE,

	/** It was sent to a phone number that no listed number has. */
	UNKNOWN_NUMBER,

	/**
	 * No code was asked for its number within {@code max-code-age}, or one verified it
	 * since.
	 */
	NO_PENDING_REQUEST,

	/** Upstream, or a guard rail before it, refused the code. */
	REFUSED

}
