package io.preverified.alerts.evaluation;

import io.preverified.web.ConflictException;

/**
 * Thrown when a resolved alert is to be acknowledged.
 */
class AlertResolvedException extends ConflictException {

	AlertResolvedException(long alertId) {
		super("Alert " + alertId + " is resolved; only open alerts can be acknowledged");
	}

}
