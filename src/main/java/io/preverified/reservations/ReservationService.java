package io.preverified.reservations;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.preverified.businesses.BusinessDirectory;
import io.preverified.businesses.BusinessRemoved;
import io.preverified.businesses.UnknownBusinessException;
import io.preverified.numbers.NumberStore;
import io.preverified.web.BusinessScope;
import io.preverified.web.ListResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Makes, reads and releases reservations. The choice of numbers and their hold happen in
 * one transaction whose rows other transactions skip, so concurrent requests never hold
 * the same number; all or nothing.
 */
@Service
class ReservationService {

	private static final Logger logger = LoggerFactory.getLogger(ReservationService.class);

	private final ReservationStore store;

	private final BusinessDirectory businesses;

	private final NumberStore numbers;

	private final MeterRegistry meters;

	private final Clock clock;

	ReservationService(ReservationStore store, BusinessDirectory businesses, NumberStore numbers, MeterRegistry meters,
			Clock clock) {
		this.store = store;
		this.businesses = businesses;
		this.numbers = numbers;
		this.meters = meters;
		this.clock = clock;
	}

	@Transactional
	ReservationResponse reserve(ReservationRequest request) {
		Instant now = this.clock.instant();
		Instant validUntil = now.plus(request.validFor());
		// one reservation, one business: without one named, the first with enough numbers
		String businessId = (request.businessId() != null) ? known(request.businessId())
				: this.store
					.businessWithEnough(this.businesses.ids().stream().filter(BusinessScope.current()::allows).toList(),
							validUntil, now, request.count(), request.countryCallingCode())
					.orElse(null);
		List<String> chosen = (businessId != null)
				? this.store.lockHoldable(businessId, validUntil, now, request.count(), request.countryCallingCode())
				: List.of();
		if (chosen.size() < request.count()) {
			if (businessId != null) {
				count(businessId, "refused");
			}
			throw new NotEnoughNumbersException(request.count(), chosen.size(), request.validFor());
		}
		long id = this.store.create(businessId, request.reference(), now, now.plus(request.holdFor()), chosen);
		count(businessId, "held");
		return get(id);
	}

	@Transactional(readOnly = true)
	ReservationResponse get(long id) {
		return response(this.store.find(id).orElseThrow(() -> new UnknownReservationException(id)));
	}

	@Transactional(readOnly = true)
	ListResponse<ReservationResponse> find(String businessId, String state, Long afterId, int limit) {
		List<Reservation> rows = this.store.newestFirst(businessId, state, afterId, limit + 1, this.clock.instant());
		return ListResponse.of(rows, limit, (reservation) -> Long.toString(reservation.id()), this::response);
	}

	@Transactional
	ReservationResponse release(long id) {
		Reservation reservation = this.store.find(id)
			.orElseThrow(() -> new UnknownReservationException(id))
			.at(this.clock.instant());
		if (!Reservation.HELD.equals(reservation.state()) || !this.store.release(id, this.clock.instant())) {
			throw new ReservationEndedException(id, reservation.state());
		}
		count(reservation.businessId(), "released");
		return get(id);
	}

	// the business is no longer kept: nothing it held may be handed out
	@EventListener
	@Transactional
	void businessRemoved(BusinessRemoved event) {
		int released = this.store.releaseAll(event.businessId(), this.clock.instant());
		if (released > 0) {
			logger.info("Released {} reservations of business {}, which was removed", released, event.businessId());
		}
	}

	// a business the caller's key may reach
	private String known(String businessId) {
		return this.businesses.find(businessId)
			.filter((business) -> BusinessScope.current().allows(business.id()))
			.orElseThrow(() -> new UnknownBusinessException(businessId))
			.id();
	}

	private ReservationResponse response(Reservation reservation) {
		return ReservationResponse.of(reservation.at(this.clock.instant()),
				this.numbers.getAll(reservation.numberIds()));
	}

	void count(String businessId, String outcome) {
		Counter.builder("preverified.reservations")
			.description("Reservations by business and outcome: held, refused, released, expired, claimed")
			.tag("business_id", businessId)
			.tag("outcome", outcome)
			.register(this.meters)
			.increment();
	}

	/**
	 * A reservation asked for, checked.
	 *
	 * @param businessId the business, or {@code null} for any configured one
	 * @param count how many numbers
	 * @param validFor the verification time each must have left
	 * @param holdFor how long to hold them
	 * @param reference the caller's reference
	 * @param countryCallingCode only numbers whose E.164 starts with it, or {@code null}
	 */
	record ReservationRequest(String businessId, int count, Duration validFor, Duration holdFor, String reference,
			String countryCallingCode) {

	}

}
