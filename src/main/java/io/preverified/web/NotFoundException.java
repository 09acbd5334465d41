package io.preverified.web;

/**
 * Thrown when a request names something that does not exist; answered with {@code 404}.
 */
public abstract class NotFoundException extends RuntimeException {

	protected NotFoundException(String what, Object id) {
		super(what + " " + id + " does not exist");
	}

}
