package io.preverified.sync;

import io.preverified.web.ConflictException;

/**
 * Thrown when a run is asked for while one of the same business runs.
 */
class RunAlreadyRunningException extends ConflictException {

	RunAlreadyRunningException(String businessId) {
		super("A run of business " + businessId + " is already running");
	}

}
