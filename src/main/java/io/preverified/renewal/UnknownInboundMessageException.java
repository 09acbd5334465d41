package io.preverified.renewal;

import io.preverified.web.NotFoundException;

/**
 * Thrown for an inbound message id that does not exist: {@code 404}.
 */
class UnknownInboundMessageException extends NotFoundException {

	UnknownInboundMessageException(long id) {
		super("Inbound message", id);
	}

}
