package io.preverified.alerts.delivery;

import java.time.Instant;

import tools.jackson.databind.JsonNode;

/**
 * A webhook delivery as the API shows it.
 *
 * @param id its id
 * @param businessId the business whose alerts it carries
 * @param idempotencyKey the key the receiver sees, the same on every attempt
 * @param state {@code PENDING}, {@code DELIVERED}, {@code SPLIT} (sent again as two
 * halves) or {@code DEAD} (refused for good)
 * @param attempts attempts made
 * @param refusals refusals for good among them
 * @param createdAt when it was made
 * @param nextAttemptAt when it is due next, while pending
 * @param deliveredAt when a receiver accepted it
 * @param lastError why the last attempt was not accepted
 * @param payload the body it sends
 */
record WebhookDeliveryResponse(long id, String businessId, String idempotencyKey, String state, int attempts,
		int refusals, Instant createdAt, Instant nextAttemptAt, Instant deliveredAt, String lastError,
		JsonNode payload) {

}
