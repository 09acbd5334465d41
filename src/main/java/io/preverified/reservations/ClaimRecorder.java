package io.preverified.reservations;

import io.preverified.numbers.ClaimStore;
import io.preverified.numbers.NumberClaim;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records that a customer took a number, whichever source told: the claim on the number,
 * and the end of the reservation that held it ({@code CLAIMED}, its other numbers free
 * again), in one transaction.
 */
@Service
public class ClaimRecorder {

	private final ReservationStore store;

	private final ReservationService reservations;

	private final ClaimStore claims;

	ClaimRecorder(ReservationStore store, ReservationService reservations, ClaimStore claims) {
		this.store = store;
		this.reservations = reservations;
		this.claims = claims;
	}

	/**
	 * Records a claim, and ends the reservation holding the number.
	 * @param claim the claim
	 * @return whether it was recorded: {@code false} when the number had a claim already
	 */
	@Transactional
	public boolean claim(NumberClaim claim) {
		Long reservationId = this.store.claim(claim.numberId(), claim.claimedAt()).map((ended) -> {
			this.reservations.count(ended.businessId(), "claimed");
			return ended.reservationId();
		}).orElse(claim.reservationId());
		return this.claims.claim(new NumberClaim(claim.numberId(), claim.phoneNumberId(), claim.wabaId(),
				claim.customerBusinessId(), reservationId, claim.source(), claim.claimedAt()));
	}

	// a reservation a run found claimed, ended already: its claim, inferred
	void inferred(ReservationStore.Claimed ended) {
		this.reservations.count(ended.businessId(), "claimed");
		this.claims
			.claim(new NumberClaim(ended.numberId(), null, null, null, ended.reservationId(), "SYNC", ended.at()));
	}

}
