package io.preverified.alerts.evaluation;

import io.preverified.web.NotFoundException;

/**
 * Thrown when a request names an alert that does not exist.
 */
class UnknownAlertException extends NotFoundException {

	UnknownAlertException(long alertId) {
		super("Alert", alertId);
	}

}
