package io.preverified.actions;

import java.time.Instant;

import io.preverified.web.ConflictException;

/**
 * Thrown when a number that is no longer listed is to be acted on.
 */
class NumberLeftThePoolException extends ConflictException {

	NumberLeftThePoolException(String numberId, Instant removedAt) {
		super("Number " + numberId + " left the pool at " + removedAt + "; only listed numbers can be acted on");
	}

}
