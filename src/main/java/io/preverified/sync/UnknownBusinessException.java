package io.preverified.sync;

import io.preverified.web.NotFoundException;

/**
 * Thrown when a request names a business that is not configured here.
 */
public class UnknownBusinessException extends NotFoundException {

	public UnknownBusinessException(String businessId) {
		super("Business", businessId);
	}

}
