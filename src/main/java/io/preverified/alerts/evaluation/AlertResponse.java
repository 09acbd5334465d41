package io.preverified.alerts.evaluation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;

import io.preverified.alerts.Severity;
import io.preverified.jdbc.SqlTime;

/**
 * An alert as the API shows it.
 *
 * @param id alert id
 * @param kind {@code NUMBER}, or {@code TOKEN} for a business whose token upstream
 * rejects
 * @param numberId the number's upstream id ({@code null} for a business's alert)
 * @param businessId its business
 * @param phoneNumber its phone number
 * @param verificationExpiryTime when its verification expires
 * @param expiresInSeconds seconds until then, negative once passed
 * @param severity how close the expiry is
 * @param state FIRING, ACKNOWLEDGED or RESOLVED
 * @param firedAt when it last fired
 * @param acknowledgedAt when it was acknowledged
 * @param resolvedAt when it resolved
 */
public record AlertResponse(long id, Alert.Kind kind, String numberId, String businessId, String phoneNumber,
		Instant verificationExpiryTime, Long expiresInSeconds, Severity severity, Alert.State state, Instant firedAt,
		Instant acknowledgedAt, Instant resolvedAt) {

	public static AlertResponse of(ResultSet row, Instant now) throws SQLException {
		Instant expiry = SqlTime.instant(row, "verification_expiry_time");
		return new AlertResponse(row.getLong("id"), Alert.Kind.valueOf(row.getString("kind")),
				row.getString("number_id"), row.getString("business_id"), row.getString("phone_number"), expiry,
				(expiry != null) ? Duration.between(now, expiry).toSeconds() : null,
				Severity.valueOf(row.getString("severity")), Alert.State.valueOf(row.getString("state")),
				SqlTime.instant(row, "fired_at"), SqlTime.instant(row, "acknowledged_at"),
				SqlTime.instant(row, "resolved_at"));
	}

	public static AlertResponse of(Alert alert, Instant now) {
		Instant expiry = alert.getVerificationExpiryTime();
		return new AlertResponse(alert.getId(), alert.getKind(), alert.getNumberId(), alert.getBusinessId(),
				alert.getPhoneNumber(), expiry, (expiry != null) ? Duration.between(now, expiry).toSeconds() : null,
				alert.getSeverity(), alert.getState(), alert.getFiredAt(), alert.getAcknowledgedAt(),
				alert.getResolvedAt());
	}

}
