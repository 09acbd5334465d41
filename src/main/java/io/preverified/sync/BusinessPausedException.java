package io.preverified.sync;

import io.preverified.web.ConflictException;

/**
 * Thrown when a run is asked for a paused business: {@code 409}.
 */
class BusinessPausedException extends ConflictException {

	BusinessPausedException(String id) {
		super("Business " + id + " is paused: resume it (PATCH with \"paused\": false) to sync it");
	}

}
