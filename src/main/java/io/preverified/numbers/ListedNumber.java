package io.preverified.numbers;

import java.time.Instant;

/**
 * A number as its business's pool lists it: what this module stores, whoever read it.
 *
 * @param id upstream id
 * @param phoneNumber the phone number as listed
 * @param codeVerificationStatus verification status
 * @param codeVerificationTime when the code was last verified
 * @param verificationExpiryTime when the verification expires
 * @param ownerBusinessId id of the owning business
 * @param ownerBusinessName name of the owning business
 */
public record ListedNumber(String id, String phoneNumber, String codeVerificationStatus, Instant codeVerificationTime,
		Instant verificationExpiryTime, String ownerBusinessId, String ownerBusinessName) {

}
