package io.preverified.businesses;

import io.preverified.web.ConflictException;

/**
 * Thrown when a business is added with the id of one the service keeps: {@code 409}.
 */
class BusinessExistsException extends ConflictException {

	BusinessExistsException(String id) {
		super("Business " + id + " exists already");
	}

}
