package io.preverified.reservations;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.preverified.businesses.BusinessDirectory;
import io.preverified.businesses.UnknownBusinessException;
import io.preverified.graphapi.GraphApiException;
import io.preverified.graphapi.GraphApiNumberClient;
import io.preverified.numbers.NumberClaim;
import io.preverified.numbers.NumberResponse;
import io.preverified.numbers.NumberStore;
import io.preverified.numbers.PhoneNumberNormalizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * Ends a reservation with the customer's Embedded Signup: the FINISH message names the
 * phone number id the customer registered; upstream says which phone number that is, and
 * the reservation's number with that phone number is the one claimed. The same FINISH
 * again changes nothing.
 */
@Service
class ReservationCompletion {

	private static final Logger logger = LoggerFactory.getLogger(ReservationCompletion.class);

	private static final Duration UPSTREAM_TIMEOUT = Duration.ofMinutes(1);

	private final ReservationStore store;

	private final ReservationService reservations;

	private final ClaimRecorder claims;

	private final NumberStore numbers;

	private final BusinessDirectory businesses;

	private final GraphApiNumberClient graphApi;

	private final Clock clock;

	ReservationCompletion(ReservationStore store, ReservationService reservations, ClaimRecorder claims,
			NumberStore numbers, BusinessDirectory businesses, GraphApiNumberClient graphApi, Clock clock) {
		this.store = store;
		this.reservations = reservations;
		this.claims = claims;
		this.numbers = numbers;
		this.businesses = businesses;
		this.graphApi = graphApi;
		this.clock = clock;
	}

	ReservationResponse complete(long id, Finish finish) {
		Reservation reservation = this.store.find(id)
			.orElseThrow(() -> new UnknownReservationException(id))
			.at(this.clock.instant());
		if ("CLAIMED".equals(reservation.state()) && isClaimedBy(reservation, finish)) {
			return this.reservations.get(id);
		}
		if (!Reservation.HELD.equals(reservation.state())) {
			throw new ReservationEndedException(id, reservation.state());
		}
		String token = this.businesses.active(reservation.businessId())
			.orElseThrow(() -> new UnknownBusinessException(reservation.businessId()))
			.accessToken();
		String displayed;
		try {
			displayed = this.graphApi.displayPhoneNumber(reservation.businessId(), finish.phoneNumberId(), token)
				.block(UPSTREAM_TIMEOUT);
		}
		catch (GraphApiException ex) {
			throw new SignupUpstreamException(finish.phoneNumberId(), ex.getError());
		}
		String e164 = PhoneNumberNormalizer.toE164(displayed).orElse(displayed);
		NumberResponse claimed = this.numbers.getAll(reservation.numberIds())
			.stream()
			.filter((number) -> e164.equals(number.phoneNumberE164()))
			.findFirst()
			.orElseThrow(() -> new PhoneNumberNotReservedException(id, finish.phoneNumberId(), e164));
		Instant now = this.clock.instant();
		this.claims.claim(new NumberClaim(claimed.id(), finish.phoneNumberId(), finish.wabaId(), finish.businessId(),
				id, "SIGNUP", now));
		logger.info("Reservation {} completed: customer business {} took number {} into WABA {}", id,
				finish.businessId(), claimed.id(), finish.wabaId());
		return this.reservations.get(id);
	}

	// the FINISH that claimed it already: answered as it was
	private boolean isClaimedBy(Reservation reservation, Finish finish) {
		return reservation.claimedNumberId() != null && this.numbers.getAll(List.of(reservation.claimedNumberId()))
			.stream()
			.anyMatch((number) -> number.claim() != null
					&& finish.phoneNumberId().equals(number.claim().phoneNumberId()));
	}

	/**
	 * The {@code data} of Embedded Signup's {@code WA_EMBEDDED_SIGNUP} {@code FINISH}
	 * message.
	 *
	 * @param phoneNumberId the phone number id the customer registered
	 * @param wabaId the customer's WABA
	 * @param businessId the customer's business
	 */
	record Finish(String phoneNumberId, String wabaId, String businessId) {

	}

}
