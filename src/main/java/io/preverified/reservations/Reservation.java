package io.preverified.reservations;

import java.time.Instant;
import java.util.List;

/**
 * A stored reservation; a hold past its {@code expiresAt} reads as {@code EXPIRED} even
 * before the sweep records it.
 *
 * @param id its id
 * @param businessId its business
 * @param reference the caller's reference
 * @param state its state as read at a time
 * @param claimedNumberId the number a customer claimed
 * @param createdAt when it was made
 * @param expiresAt when its hold ends
 * @param endedAt when it ended
 * @param numberIds its numbers, in order
 */
record Reservation(long id, String businessId, String reference, String state, String claimedNumberId,
		Instant createdAt, Instant expiresAt, Instant endedAt, List<String> numberIds) {

	static final String HELD = "HELD";

	Reservation at(Instant now) {
		if (HELD.equals(this.state) && !this.expiresAt.isAfter(now)) {
			return new Reservation(this.id, this.businessId, this.reference, "EXPIRED", null, this.createdAt,
					this.expiresAt, this.expiresAt, this.numberIds);
		}
		return this;
	}

}
