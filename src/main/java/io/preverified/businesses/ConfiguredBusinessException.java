package io.preverified.businesses;

import io.preverified.web.ConflictException;

/**
 * Thrown when a business of the configuration is changed through the API: {@code 409}.
 */
class ConfiguredBusinessException extends ConflictException {

	ConfiguredBusinessException(String id) {
		super("Business " + id + " comes from the configuration (preverified.businesses): change it there");
	}

}
