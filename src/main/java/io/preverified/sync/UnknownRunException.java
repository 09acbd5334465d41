package io.preverified.sync;

import io.preverified.web.NotFoundException;

/**
 * Thrown when a request names a run that does not exist.
 */
class UnknownRunException extends NotFoundException {

	UnknownRunException(long runId) {
		super("Sync run", runId);
	}

}
