package io.preverified.reservations;

import io.preverified.web.NotFoundException;

/**
 * Thrown when a request names a reservation that does not exist.
 */
class UnknownReservationException extends NotFoundException {

	UnknownReservationException(long reservationId) {
		super("Reservation", reservationId);
	}

}
