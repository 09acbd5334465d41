package io.preverified.alerts;

import java.time.Clock;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Acknowledges open alerts: an acknowledged alert stays quiet until it escalates.
 */
@Service
class AlertAcknowledger {

	private final AlertRepository alerts;

	private final Clock clock;

	AlertAcknowledger(AlertRepository alerts, Clock clock) {
		this.alerts = alerts;
		this.clock = clock;
	}

	@Transactional
	AlertResponse acknowledge(long id) {
		// locked: an evaluation resolving it meanwhile must not be overwritten
		Alert alert = this.alerts.findForUpdate(id).orElseThrow(() -> new UnknownAlertException(id));
		if (!alert.isOpen()) {
			throw new AlertResolvedException(id);
		}
		alert.acknowledge(this.clock.instant());
		return AlertResponse.of(alert, this.clock.instant());
	}

}
