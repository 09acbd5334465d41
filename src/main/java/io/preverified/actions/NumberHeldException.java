package io.preverified.actions;

import io.preverified.web.ConflictException;

/**
 * Thrown when a number a reservation holds is to be deleted.
 */
class NumberHeldException extends ConflictException {

	NumberHeldException(String numberId, long reservationId) {
		super("Number " + numberId + " is held by reservation " + reservationId + "; release it first");
	}

}
