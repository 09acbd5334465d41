package io.preverified.businesses;

import java.time.Instant;

/**
 * What upstream last said of a business's token.
 *
 * @param status {@code VALID}, {@code REJECTED} or {@code UNKNOWN} (no answer yet)
 * @param checkedAt when upstream said it, or {@code null}
 * @param error upstream's message when it rejected the token
 */
public record TokenCheck(String status, Instant checkedAt, String error) {

	static final TokenCheck UNKNOWN = new TokenCheck("UNKNOWN", null, null);

}
