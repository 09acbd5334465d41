package io.preverified.graphapi;

import java.time.Instant;

/**
 * A pre-verified number as read from upstream.
 *
 * @param id upstream id
 * @param phoneNumber the phone number as received
 * @param codeVerificationStatus verification status as received
 * @param codeVerificationTime when the code was last verified
 * @param verificationExpiryTime when the verification expires
 * @param ownerBusinessId id of the owning business
 * @param ownerBusinessName name of the owning business
 * @param malformed whether a field could not be read and was left out
 */
public record FetchedNumber(String id, String phoneNumber, String codeVerificationStatus, Instant codeVerificationTime,
		Instant verificationExpiryTime, String ownerBusinessId, String ownerBusinessName, boolean malformed) {

	public FetchedNumber(String id, String phoneNumber, String codeVerificationStatus, Instant codeVerificationTime,
			Instant verificationExpiryTime, String ownerBusinessId, String ownerBusinessName) {
		this(id, phoneNumber, codeVerificationStatus, codeVerificationTime, verificationExpiryTime, ownerBusinessId,
				ownerBusinessName, false);
	}

}
