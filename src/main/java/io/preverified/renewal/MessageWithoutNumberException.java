package io.preverified.renewal;

import io.preverified.web.ConflictException;

/**
 * Thrown when a new code is asked for the number of a message that was matched to none:
 * {@code 409}.
 */
class MessageWithoutNumberException extends ConflictException {

	MessageWithoutNumberException(long id) {
		super("Inbound message " + id + " was matched to no listed number: there is no number to ask a code for");
	}

}
