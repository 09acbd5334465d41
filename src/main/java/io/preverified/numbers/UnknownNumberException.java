package io.preverified.numbers;

import io.preverified.web.NotFoundException;

/**
 * Thrown when a request names a number never seen.
 */
public class UnknownNumberException extends NotFoundException {

	public UnknownNumberException(String numberId) {
		super("Number", numberId);
	}

}
