package io.preverified.alerts.delivery;

import io.preverified.web.NotFoundException;

/**
 * Thrown for a webhook delivery id that does not exist.
 */
class UnknownWebhookDeliveryException extends NotFoundException {

	UnknownWebhookDeliveryException(long id) {
		super("Webhook delivery", id);
	}

}
