package io.preverified.numbers;

import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/**
 * A change of status, expiry or removal of a number, as one run saw it.
 */
@Entity
@Table(name = "number_history")
class NumberChange {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "number_history_seq")
	@SequenceGenerator(name = "number_history_seq", sequenceName = "number_history_seq", allocationSize = 50)
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

	protected NumberChange() {
	}

	NumberChange(String numberId, Long runId, Instant changedAt, Values before, Values after) {
		this.numberId = numberId;
		this.runId = runId;
		this.changedAt = changedAt;
		this.before = before;
		this.after = after;
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

		boolean sameAs(Values other) {
			return Objects.equals(this.codeVerificationStatus, other.codeVerificationStatus)
					&& Objects.equals(this.verificationExpiryTime, other.verificationExpiryTime)
					&& Objects.equals(this.removedAt, other.removedAt);
		}

	}

}
