package io.preverified.numbers;

import java.time.Instant;
import java.util.Objects;

import io.preverified.graphapi.FetchedNumber;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A pre-verified number as last seen upstream.
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

	protected PreverifiedNumber() {
	}

	PreverifiedNumber(String businessId, FetchedNumber fetched, Instant now) {
		this.id = fetched.id();
		this.firstSeenAt = now;
		apply(businessId, fetched);
	}

	/**
	 * Takes the values upstream listed now.
	 * @return the change of status, expiry or removal this makes, if any; other fields
	 * may change without one
	 */
	NumberChange.Values update(String businessId, FetchedNumber fetched) {
		NumberChange.Values before = trackedValues();
		apply(businessId, fetched);
		this.removedAt = null;
		this.lastSeenAt = null;
		return before;
	}

	boolean differsFrom(String businessId, FetchedNumber fetched) {
		return this.removedAt != null || !Objects.equals(this.businessId, businessId)
				|| !Objects.equals(this.phoneNumber, fetched.phoneNumber())
				|| !Objects.equals(this.codeVerificationStatus, fetched.codeVerificationStatus())
				|| !Objects.equals(this.codeVerificationTime, fetched.codeVerificationTime())
				|| !Objects.equals(this.verificationExpiryTime, fetched.verificationExpiryTime())
				|| !Objects.equals(this.ownerBusinessId, fetched.ownerBusinessId())
				|| !Objects.equals(this.ownerBusinessName, fetched.ownerBusinessName());
	}

	private void apply(String businessId, FetchedNumber fetched) {
		this.businessId = businessId;
		if (!Objects.equals(this.phoneNumber, fetched.phoneNumber()) || this.phoneNumberE164 == null) {
			this.phoneNumber = fetched.phoneNumber();
			this.phoneNumberE164 = PhoneNumbers.toE164(fetched.phoneNumber()).orElse(null);
		}
		this.codeVerificationStatus = fetched.codeVerificationStatus();
		this.codeVerificationTime = fetched.codeVerificationTime();
		this.verificationExpiryTime = fetched.verificationExpiryTime();
		this.ownerBusinessId = fetched.ownerBusinessId();
		this.ownerBusinessName = fetched.ownerBusinessName();
	}

	NumberChange.Values trackedValues() {
		return new NumberChange.Values(this.codeVerificationStatus, this.verificationExpiryTime, this.removedAt);
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
