package io.preverified.actions;

import java.time.Instant;

import io.preverified.web.ConflictException;

/**
 * Thrown when a code is asked for a VERIFIED number before its re-verification window
 * opens: upstream renews a verification only in its last 45 days.
 */
class NumberNotRenewableYetException extends ConflictException {

	NumberNotRenewableYetException(String numberId, Instant expiry, Instant windowOpens) {
		super("Number " + numberId + " is VERIFIED until " + expiry
				+ "; upstream renews a verification only in its last 45 days: the window opens at " + windowOpens);
	}

}
