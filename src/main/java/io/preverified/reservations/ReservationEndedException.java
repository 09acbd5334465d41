package io.preverified.reservations;

import io.preverified.web.ConflictException;

/**
 * Thrown when a reservation that has ended is to be released.
 */
class ReservationEndedException extends ConflictException {

	ReservationEndedException(long reservationId, String state) {
		super("Reservation " + reservationId + " has already ended (" + state + "); its numbers are free");
	}

}
