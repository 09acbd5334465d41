package io.preverified.actions;

import io.preverified.graphapi.GraphApiError;

/**
 * Thrown when upstream accepted a code but the number could not be read back: it is
 * verified all the same, and the next run stores it. {@code 502}.
 */
public class VerifiedNumberNotReadException extends UpstreamRefusedException {

	VerifiedNumberNotReadException(GraphApiError error) {
		super("reading the verified number back (it is verified; the next run stores it)", error);
	}

}
