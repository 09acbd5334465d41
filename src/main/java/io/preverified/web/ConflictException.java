package io.preverified.web;

/**
 * Thrown when a request collides with the current state; answered with {@code 409}.
 */
public abstract class ConflictException extends RuntimeException {

	protected ConflictException(String message) {
		super(message);
	}

}
