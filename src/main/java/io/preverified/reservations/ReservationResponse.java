package io.preverified.reservations;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.preverified.numbers.NumberResponse;

/**
 * A reservation as the API shows it.
 *
 * @param id reservation id
 * @param businessId the business whose numbers it holds
 * @param reference the caller's reference, such as a signup id
 * @param state {@code HELD}, {@code RELEASED}, {@code EXPIRED} or {@code CLAIMED}
 * @param numbers the numbers it holds or held, soonest expiry first
 * @param claimedNumberId the number a customer claimed, for a {@code CLAIMED} one
 * @param createdAt when it was made
 * @param expiresAt when its hold ends by itself
 * @param endedAt when it ended, or {@code null} while held
 * @param embeddedSignup the {@code extras.setup} of Meta's Embedded Signup that offers
 * its numbers
 */
record ReservationResponse(long id, String businessId, String reference, String state, List<NumberResponse> numbers,
		String claimedNumberId, Instant createdAt, Instant expiresAt, Instant endedAt,
		Map<String, Map<String, List<String>>> embeddedSignup) {

	static ReservationResponse of(Reservation reservation, List<NumberResponse> numbers) {
		List<String> ids = numbers.stream().map(NumberResponse::id).toList();
		return new ReservationResponse(reservation.id(), reservation.businessId(), reservation.reference(),
				reservation.state(), numbers, reservation.claimedNumberId(), reservation.createdAt(),
				reservation.expiresAt(), reservation.endedAt(), Map.of("preVerifiedPhone", Map.of("ids", ids)));
	}

}
