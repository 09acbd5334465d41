package io.preverified.numbers;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

import io.preverified.jdbc.SqlTime;

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
 * @param claim who took it, or {@code null}
 */
public record NumberResponse(String id, String businessId, String phoneNumber, String phoneNumberE164,
		String codeVerificationStatus, Instant codeVerificationTime, Instant verificationExpiryTime,
		OwnerBusiness ownerBusiness, Instant firstSeenAt, Instant lastSeenAt, Instant removedAt, String removalReason,
		Long heldBy, ClaimResponse claim) {

	static NumberResponse of(ResultSet row, Instant now) throws SQLException {
		String ownerId = row.getString("owner_business_id");
		String ownerName = row.getString("owner_business_name");
		Instant heldUntil = SqlTime.instant(row, "held_until");
		long heldBy = row.getLong("held_by");
		return new NumberResponse(row.getString("id"), row.getString("business_id"), row.getString("phone_number"),
				row.getString("phone_number_e164"), row.getString("code_verification_status"),
				SqlTime.instant(row, "code_verification_time"), SqlTime.instant(row, "verification_expiry_time"),
				(ownerId != null || ownerName != null) ? new OwnerBusiness(ownerId, ownerName) : null,
				SqlTime.instant(row, "first_seen_at"), SqlTime.instant(row, "last_seen_at"),
				SqlTime.instant(row, "removed_at"), row.getString("removal_reason"),
				(heldUntil != null && heldUntil.isAfter(now)) ? Long.valueOf(heldBy) : null,
				ClaimResponse.of(row, "claim_"));
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
