package io.preverified.numbers;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A pre-verified number as last seen upstream, as the API reads it; {@link NumberWriter}
 * writes numbers page by page in SQL.
 */
@Entity
@Table(name = "numbers")
class PreverifiedNumber {

	@Id
	private String id;

	private String businessId;

	private String phoneNumber;

	@Column(name = "phone_number_e164")
	private String phoneNumberE164;

	private String codeVerificationStatus;

	private Instant codeVerificationTime;

	private Instant verificationExpiryTime;

	private String ownerBusinessId;

	private String ownerBusinessName;

	private Instant firstSeenAt;

	private Instant lastSeenAt;

	private Instant removedAt;

	private String removalReason;

	private Long heldBy;

	private Instant heldUntil;

	private Instant deletingUntil;

	protected PreverifiedNumber() {
	}

	String getId() {
		return this.id;
	}

	String getBusinessId() {
		return this.businessId;
	}

	String getPhoneNumber() {
		return this.phoneNumber;
	}

	String getPhoneNumberE164() {
		return this.phoneNumberE164;
	}

	String getCodeVerificationStatus() {
		return this.codeVerificationStatus;
	}

	Instant getCodeVerificationTime() {
		return this.codeVerificationTime;
	}

	Instant getVerificationExpiryTime() {
		return this.verificationExpiryTime;
	}

	String getOwnerBusinessId() {
		return this.ownerBusinessId;
	}

	String getOwnerBusinessName() {
		return this.ownerBusinessName;
	}

	Instant getFirstSeenAt() {
		return this.firstSeenAt;
	}

	Instant getLastSeenAt() {
		return this.lastSeenAt;
	}

	Instant getRemovedAt() {
		return this.removedAt;
	}

	String getRemovalReason() {
		return this.removalReason;
	}

	/**
	 * The reservation holding this number at a time.
	 * @param now the time
	 * @return the reservation's id, or {@code null} when none holds it
	 */
	boolean isBeingDeleted(Instant now) {
		return this.deletingUntil != null && this.deletingUntil.isAfter(now);
	}

	Long heldBy(Instant now) {
		return (this.heldBy != null && this.heldUntil != null && this.heldUntil.isAfter(now)) ? this.heldBy : null;
	}

	@Override
	public boolean equals(Object other) {
		return this == other
				|| (other instanceof PreverifiedNumber number && this.id != null && this.id.equals(number.id));
	}

	@Override
	public int hashCode() {
		return PreverifiedNumber.class.hashCode();
	}

}
