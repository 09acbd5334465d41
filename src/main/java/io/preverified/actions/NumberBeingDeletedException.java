package io.preverified.actions;

import io.preverified.web.ConflictException;

/**
 * Thrown when a number is to be deleted while another delete of it is in flight.
 */
class NumberBeingDeletedException extends ConflictException {

	NumberBeingDeletedException(String numberId) {
		super("Number " + numberId + " is being deleted already");
	}

}
