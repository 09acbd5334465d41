package io.preverified.renewal;

import java.time.Instant;

/**
 * A message that may carry a code, as kept and shown: its body with every digit of the
 * code as {@code *}.
 *
 * @param id message id
 * @param to the phone number it was sent to, as received
 * @param from the sender, as received
 * @param body the text, its code masked
 * @param source {@code TWILIO} or {@code API}
 * @param receivedAt when it arrived
 * @param numberId the listed number it was matched to, or {@code null}
 * @param outcome {@code VERIFIED}, {@code NO_CODE}, {@code UNKNOWN_NUMBER},
 * {@code NO_PENDING_REQUEST} or {@code REFUSED}; {@code null} while it is processed
 * @param error why upstream refused the code, or {@code null}
 */
record InboundMessage(long id, String to, String from, String body, String source, Instant receivedAt, String numberId,
		String outcome, Error error) {

	/**
	 * Upstream's refusal of the code.
	 *
	 * @param code upstream's error code, or {@code null}
	 * @param message what went wrong
	 */
	record Error(Integer code, String message) {

	}

}
