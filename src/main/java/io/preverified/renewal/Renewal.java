package io.preverified.renewal;

import java.time.Instant;

/**
 * Where one number stands in its renewal.
 *
 * @param numberId the number
 * @param businessId its business
 * @param phoneNumber its phone number, as upstream lists it
 * @param codeVerificationStatus its status
 * @param verificationExpiryTime when its verification expires
 * @param state {@code REQUESTED} (asking upstream for a code), {@code WAITING_FOR_CODE}
 * (upstream sent it), {@code RENEWED} (the code came back and verified it) or
 * {@code FAILED} (see {@code error})
 * @param requestedAt when a code was last asked for
 * @param renewedAt when a code last verified it
 * @param updatedAt when the state last changed
 * @param error why it failed, or {@code null}
 */
record Renewal(String numberId, String businessId, String phoneNumber, String codeVerificationStatus,
		Instant verificationExpiryTime, String state, Instant requestedAt, Instant renewedAt, Instant updatedAt,
		String error) {

}
