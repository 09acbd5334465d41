package io.preverified.alerts.delivery;

import java.time.Clock;

import io.preverified.alerts.AlertsProperties;
import io.preverified.numbers.NumberClaimed;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells the webhook receiver that a customer took a number: a delivery with
 * {@code status: claimed} and the claim, written in the transaction that records the
 * claim, and sent in order with the business's alert notifications.
 */
@Component
class ClaimNotifications {

	private final AlertsProperties properties;

	private final WebhookDeliveryStore deliveries;

	private final Clock clock;

	ClaimNotifications(AlertsProperties properties, WebhookDeliveryStore deliveries, Clock clock) {
		this.properties = properties;
		this.deliveries = deliveries;
		this.clock = clock;
	}

	@EventListener
	void claimed(NumberClaimed event) {
		if (this.properties.webhook().enabled()) {
			this.deliveries.add(WebhookPayload.claimed(event.claim()), this.clock.instant());
		}
	}

}
