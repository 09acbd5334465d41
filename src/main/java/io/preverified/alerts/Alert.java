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

	Alert(String numberId, String businessId, String phoneNumber, Instant verificationExpiryTime, Severity severity,
			Instant now) {
		this.numberId = numberId;
		this.businessId = businessId;
		this.phoneNumber = phoneNumber;
		this.verificationExpiryTime = verificationExpiryTime;
		this.severity = severity;
		this.state = State.FIRING;
		this.firedAt = now;
	}

	/**
	 * Follows the number's current severity and expiry.
	 * @return whether the alert fires again: it escalated
	 */
	boolean follow(Severity severity, String phoneNumber, Instant verificationExpiryTime, Instant now) {
		boolean escalated = severity.isMoreSevereThan(this.severity);
		this.severity = severity;
		this.phoneNumber = phoneNumber;
		this.verificationExpiryTime = verificationExpiryTime;
		if (escalated) {
			this.state = State.FIRING;
			this.firedAt = now;
			this.acknowledgedAt = null;
		}
		return escalated;
	}

	void acknowledge(Instant now) {
		if (this.state == State.FIRING) {
			this.state = State.ACKNOWLEDGED;
			this.acknowledgedAt = now;
		}
	}

	void resolve(Instant now) {
		this.state = State.RESOLVED;
		this.resolvedAt = now;
	}

	boolean isOpen() {
		return this.state != State.RESOLVED;
	}

	Long getId() {
		return this.id;
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

}
