package io.preverified.actions;

import io.preverified.web.ConflictException;

/**
 * Thrown when a phone number to be added is listed already.
 */
class PhoneNumberListedException extends ConflictException {

	PhoneNumberListedException(String phoneNumber, String numberId, String businessId) {
		super("Phone number " + phoneNumber + " is listed already, as number " + numberId + " of business "
				+ businessId);
	}

}
