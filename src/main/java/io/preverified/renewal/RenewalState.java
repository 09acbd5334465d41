package io.preverified.renewal;

/**
 * Where a number stands in its renewal.
 */
enum RenewalState {

	/** A code is being asked for. */
	REQUESTED,

	/** Upstream sent a code; it has not come back yet. */
	WAITING_FOR_CODE,

	/** A code that came back verified the number. */
	RENEWED,

	/**
	 * Asking failed, the code was refused, or no code came within {@code max-code-age}.
	 */
	FAILED

}
