package io.preverified.alerts.evaluation;

import java.time.Clock;

import io.preverified.alerts.Severity;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Acknowledges open alerts: an acknowledged alert stays quiet until it escalates. An
 * acknowledgement that names the severity the operator saw is refused when the alert has
 * escalated past it since.
 */
@Service
class AlertAcknowledger {

	private final AlertRepository alerts;

	private final Clock clock;

	AlertAcknowledger(AlertRepository alerts, Clock clock) {
		this.alerts = alerts;
		this.clock = clock;
	}

	/**
	 * Acknowledges an open alert.
	 * @param id the alert
	 * @param seen the severity the operator saw, or {@code null} to take it as it is
	 * @return the alert, acknowledged
	 */
	@Transactional
	AlertResponse acknowledge(long id, Severity seen) {
		// locked: an evaluation resolving or escalating it meanwhile must not be
		// overwritten
		Alert alert = this.alerts.findForUpdate(id).orElseThrow(() -> new UnknownAlertException(id));
		if (!alert.isOpen()) {
			throw new AlertResolvedException(id);
		}
		if (seen != null && alert.getSeverity().compareTo(seen) > 0) {
			throw new AlertEscalatedException(id, seen, alert.getSeverity());
		}
		alert.acknowledge(this.clock.instant());
		return AlertResponse.of(alert, this.clock.instant());
	}

}
