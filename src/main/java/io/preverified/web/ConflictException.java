package io.preverified.web;

/**
 * Thrown when a request collides with the current state; answered with {@code 409}.
 */
public class ConflictException extends RuntimeException {

	public ConflictException(String message) {
		super(message);
	}

}
