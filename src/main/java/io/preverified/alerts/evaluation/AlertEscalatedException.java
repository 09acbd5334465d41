package io.preverified.alerts.evaluation;

import io.preverified.alerts.Severity;
import io.preverified.web.ConflictException;

/**
 * Thrown when an alert is acknowledged at a severity it has escalated past since the
 * operator saw it: the acknowledgement would silence what was not seen.
 */
class AlertEscalatedException extends ConflictException {

	AlertEscalatedException(long alertId, Severity seen, Severity now) {
		super("Alert " + alertId + " escalated from " + seen + " to " + now + " since it was seen; look at it again");
	}

}
