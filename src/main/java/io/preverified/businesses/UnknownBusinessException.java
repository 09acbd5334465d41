package io.preverified.businesses;

import io.preverified.web.NotFoundException;

/**
 * Thrown when a request names a business that the service does not keep.
 */
public class UnknownBusinessException extends NotFoundException {

	public UnknownBusinessException(String businessId) {
		super("Business", businessId);
	}

}
