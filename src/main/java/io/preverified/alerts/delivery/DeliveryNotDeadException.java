package io.preverified.alerts.delivery;

import io.preverified.web.ConflictException;

/**
 * Thrown when a delivery that is not {@code DEAD} is to be redelivered: a pending one is
 * on its way, a delivered one arrived.
 */
class DeliveryNotDeadException extends ConflictException {

	DeliveryNotDeadException(long id, String state) {
		super("Webhook delivery " + id + " is " + state + "; only DEAD deliveries are redelivered");
	}

}
