package io.preverified.numbers;

import java.time.Instant;

/**
 * A number as the API shows it.
 *
 * @param id upstream id
 * @param businessId the business whose pool lists it
 * @param phoneNumber the phone number as received
 * @param phoneNumberE164 its E.164 form, or {@code null} when it could not be parsed
 * @param codeVerificationStatus verification status
 * @param codeVerificationTime when the code was last verified
 * @param verificationExpiryTime when the verification expires
 * @param ownerBusiness the owning business, or {@code null}
 * @param firstSeenAt when a run first listed it
 * @param lastSeenAt when a complete run last listed it
 * @param removedAt when it left upstream's listing, or {@code null} while listed
 * @param removalReason why it left: {@code CLAIMED} (while VERIFIED), {@code UNVERIFIED}
 * (while NOT_VERIFIED or EXPIRED) or {@code DELETED} (through this service)
 * @param heldBy the reservation holding it for Embedded Signup, or {@code null}
 */
public record NumberResponse(String id, String businessId, String phoneNumber, String phoneNumberE164,
		String codeVerificationStatus, Instant codeVerificationTime, Instant verificationExpiryTime,
		OwnerBusiness ownerBusiness, Instant firstSeenAt, Instant lastSeenAt, Instant removedAt, String removalReason,
		Long heldBy) {

	static NumberResponse of(PreverifiedNumber number, Instant lastCompleteListing, Instant now) {
		OwnerBusiness owner = (number.getOwnerBusinessId() != null || number.getOwnerBusinessName() != null)
				? new OwnerBusiness(number.getOwnerBusinessId(), number.getOwnerBusinessName()) : null;
		return new NumberResponse(number.getId(), number.getBusinessId(), number.getPhoneNumber(),
				number.getPhoneNumberE164(), number.getCodeVerificationStatus(), number.getCodeVerificationTime(),
				number.getVerificationExpiryTime(), owner, number.getFirstSeenAt(),
				lastSeenAt(number, lastCompleteListing), number.getRemovedAt(), number.getRemovalReason(),
				number.heldBy(now));
	}

	private static Instant lastSeenAt(PreverifiedNumber number, Instant lastCompleteListing) {
		if (number.getRemovedAt() != null) {
			return number.getLastSeenAt();
		}
		// seen by a run that has not completed yet, or by no complete run at all
		if (lastCompleteListing == null || lastCompleteListing.isBefore(number.getFirstSeenAt())) {
			return number.getFirstSeenAt();
		}
		return lastCompleteListing;
	}

	/**
	 * The business that owns a number.
	 *
	 * @param id its id
	 * @param name its name
	 */
	public record OwnerBusiness(String id, String name) {

	}

}
