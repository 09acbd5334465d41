package io.preverified.web;

import java.io.IOException;

import org.springframework.util.unit.DataSize;

/**
 * A request body grew past the largest the API reads; thrown while it is read, so that it
 * is never read whole.
 */
public class RequestBodyTooLargeException extends IOException {

	private static final long serialVersionUID = 1L;

	public RequestBodyTooLargeException(DataSize limit) {
		super("The request body is larger than " + limit.toBytes()
				+ " bytes (preverified.api.max-body): it was not read");
	}

}
