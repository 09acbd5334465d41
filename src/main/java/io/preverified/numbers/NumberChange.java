package io.preverified.numbers;

import java.time.Instant;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A change of status, expiry or removal of a number, as one run saw it. Written by
 * {@link NumberWriter}'s statements, read by the history API.
 */
@Entity
@Table(name = "number_history")
class NumberChange {

	// written by NumberWriter's statements, ids from number_history_seq
	@Id
	private Long id;

	private String numberId;

	private Long runId;

	private Instant changedAt;

	@Embedded
	@AttributeOverrides({
			@AttributeOverride(name = "codeVerificationStatus",
					column = @Column(name = "old_code_verification_status")),
			@AttributeOverride(name = "verificationExpiryTime",
					column = @Column(name = "old_verification_expiry_time")),
			@AttributeOverride(name = "removedAt", column = @Column(name = "old_removed_at")) })
	private Values before;

	@Embedded
	@AttributeOverrides({
			@AttributeOverride(name = "codeVerificationStatus",
					column = @Column(name = "new_code_verification_status")),
			@AttributeOverride(name = "verificationExpiryTime",
					column = @Column(name = "new_verification_expiry_time")),
			@AttributeOverride(name = "removedAt", column = @Column(name = "new_removed_at")) })
	private Values after;

	private String removalReason;

	private String cause;

	protected NumberChange() {
	}

	String getRemovalReason() {
		return this.removalReason;
	}

	String getCause() {
		return this.cause;
	}

	Long getId() {
		return this.id;
	}

	String getNumberId() {
		return this.numberId;
	}

	Long getRunId() {
		return this.runId;
	}

	Instant getChangedAt() {
		return this.changedAt;
	}

	Values getBefore() {
		return this.before;
	}

	Values getAfter() {
		return this.after;
	}

	/**
	 * The values whose changes are tracked.
	 *
	 * @param codeVerificationStatus the verification status
	 * @param verificationExpiryTime when the verification expires
	 * @param removedAt when the number left upstream's listing
	 */
	@Embeddable
	record Values(String codeVerificationStatus, Instant verificationExpiryTime, Instant removedAt) {

	}

}
