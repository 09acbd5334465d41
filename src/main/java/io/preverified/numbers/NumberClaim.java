package io.preverified.numbers;

import java.time.Instant;

/**
 * A claim to record: who took a number, as one source tells it.
 *
 * @param numberId the number
 * @param phoneNumberId the id of the phone number in the customer's WABA, if known
 * @param wabaId the customer's WABA, if known
 * @param customerBusinessId the customer's business, if known
 * @param reservationId the reservation that handed it out, or {@code null} for the one
 * holding it now, if any
 * @param source {@code SIGNUP}, {@code WEBHOOK} or {@code SYNC}
 * @param claimedAt when it was claimed
 */
public record NumberClaim(String numberId, String phoneNumberId, String wabaId, String customerBusinessId,
		Long reservationId, String source, Instant claimedAt) {

}
