package io.preverified.actions;

import java.time.Instant;

/**
 * One code asked for or sent upstream, as the API shows it. Never the code itself.
 *
 * @param id attempt id
 * @param numberId the number
 * @param action {@code REQUEST_CODE} or {@code VERIFY_CODE}
 * @param codeMethod {@code SMS} or {@code VOICE}, for a request
 * @param language the message's language, for a request
 * @param requestedBy the API key's name, {@code renewal} or {@code inbound} when the
 * service acted by itself, or {@code null} when the API is open
 * @param requestedAt when
 * @param outcome {@code PENDING} while upstream is asked, then {@code SUCCEEDED} or
 * {@code FAILED}
 * @param error upstream's error, or {@code null}
 */
public record VerificationAttemptResponse(long id, String numberId, String action, String codeMethod, String language,
		String requestedBy, Instant requestedAt, String outcome, Error error) {

	/**
	 * Why an attempt failed.
	 *
	 * @param code upstream error code
	 * @param subcode upstream error subcode
	 * @param type upstream error type
	 * @param message what went wrong
	 * @param fbtraceId upstream trace id
	 */
	public record Error(Integer code, Integer subcode, String type, String message, String fbtraceId) {

	}

}
