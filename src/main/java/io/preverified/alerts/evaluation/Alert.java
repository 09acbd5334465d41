package io.preverified.alerts.evaluation;

import java.time.Instant;

import io.preverified.alerts.Severity;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * An alert about one number nearing or past its verification expiry. It fires, may be
 * acknowledged, fires again when it escalates, and resolves when the number is
 * re-verified past the window or leaves the pool.
 */
@Entity
@Table(name = "alerts")
public class Alert {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Enumerated(EnumType.STRING)
	private Kind kind;

	private String numberId;

	private String businessId;

	private String phoneNumber;

	private Instant verificationExpiryTime;

	@Enumerated(EnumType.STRING)
	private Severity severity;

	@Enumerated(EnumType.STRING)
	private State state;

	private Instant firedAt;

	private Instant acknowledgedAt;

	private Instant resolvedAt;

	protected Alert() {
	}

	void acknowledge(Instant now) {
		if (this.state == State.FIRING) {
			this.state = State.ACKNOWLEDGED;
			this.acknowledgedAt = now;
		}
	}

	boolean isOpen() {
		return this.state != State.RESOLVED;
	}

	public Long getId() {
		return this.id;
	}

	public Kind getKind() {
		return this.kind;
	}

	public String getNumberId() {
		return this.numberId;
	}

	public String getBusinessId() {
		return this.businessId;
	}

	public String getPhoneNumber() {
		return this.phoneNumber;
	}

	public Instant getVerificationExpiryTime() {
		return this.verificationExpiryTime;
	}

	public Severity getSeverity() {
		return this.severity;
	}

	public State getState() {
		return this.state;
	}

	public Instant getFiredAt() {
		return this.firedAt;
	}

	public Instant getAcknowledgedAt() {
		return this.acknowledgedAt;
	}

	public Instant getResolvedAt() {
		return this.resolvedAt;
	}

	@Override
	public boolean equals(Object other) {
		return this == other || (other instanceof Alert alert && this.id != null && this.id.equals(alert.id));
	}

	@Override
	public int hashCode() {
		return Alert.class.hashCode();
	}

	/**
	 * Where an alert stands.
	 */
	public enum State {

		/** Open, and told to receivers. */
		FIRING,

		/** Open, and an operator has seen it. */
		ACKNOWLEDGED,

		/** Ended: re-verified past the window, gone from the pool, or no longer due. */
		RESOLVED

	}

	/**
	 * What an alert is about.
	 */
	public enum Kind {

		/** A number nearing or past its expiry. */
		NUMBER,

		/** A business whose token upstream rejects (error 190): nothing of it syncs. */
		TOKEN,

		/**
		 * A business with fewer offerable numbers than
		 * {@code preverified.pool.min-offerable}.
		 */
		POOL

	}

}
