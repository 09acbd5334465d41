package io.preverified.alerts;

import java.time.Instant;

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
class Alert {

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

	Long getId() {
		return this.id;
	}

	Kind getKind() {
		return this.kind;
	}

	String getNumberId() {
		return this.numberId;
	}

	String getBusinessId() {
		return this.businessId;
	}

	String getPhoneNumber() {
		return this.phoneNumber;
	}

	Instant getVerificationExpiryTime() {
		return this.verificationExpiryTime;
	}

	Severity getSeverity() {
		return this.severity;
	}

	State getState() {
		return this.state;
	}

	Instant getFiredAt() {
		return this.firedAt;
	}

	Instant getAcknowledgedAt() {
		return this.acknowledgedAt;
	}

	Instant getResolvedAt() {
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
	enum State {

		FIRING, ACKNOWLEDGED, RESOLVED

	}

	/**
	 * What an alert is about.
	 */
	enum Kind {

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
