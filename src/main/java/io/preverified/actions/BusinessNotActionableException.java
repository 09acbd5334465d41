package io.preverified.actions;

import io.preverified.web.ConflictException;

/**
 * Thrown when a number's business is not configured here, so there is no token to act
 * with.
 */
class BusinessNotActionableException extends ConflictException {

	BusinessNotActionableException(String businessId) {
		super("Business " + businessId + " is not kept here, or is paused; its numbers cannot be acted on");
	}

}
