package io.preverified.alerts.delivery;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import io.preverified.alerts.Severity;
import io.preverified.alerts.evaluation.Alert;
import io.preverified.alerts.evaluation.AlertResponse;

/**
 * An alert as Alertmanager's {@code POST /api/v2/alerts} takes it. Labels identify it
 * there: the same labels pushed again update it, other labels make another alert.
 *
 * @param labels {@code alertname}, {@code severity}, {@code stage}, {@code business_id},
 * {@code number_id}, {@code phone_number}
 * @param annotations {@code summary} and {@code verification_expiry_time}
 * @param startsAt when it fired
 * @param endsAt when Alertmanager is to consider it ended
 */
record AlertmanagerAlert(Map<String, String> labels, Map<String, String> annotations, Instant startsAt,
		Instant endsAt) {

	static final String NAME = "PreverifiedNumberExpiring";

	static final String TOKEN_REJECTED = "PreverifiedTokenRejected";

	static final String POOL_LOW = "PreverifiedPoolLow";

	static AlertmanagerAlert firing(AlertResponse alert, Instant endsAt) {
		if (alert.kind() == Alert.Kind.TOKEN) {
			return ofBusiness(alert, TOKEN_REJECTED, "The Graph API rejects the access token of business "
					+ alert.businessId() + ": nothing of it syncs until the token is replaced", endsAt);
		}
		if (alert.kind() == Alert.Kind.POOL) {
			return ofBusiness(alert, POOL_LOW,
					"Business " + alert.businessId() + " has "
							+ ((alert.severity() == Severity.CRITICAL) ? "no" : "too few")
							+ " numbers to offer (preverified.pool.min-offerable)",
					endsAt);
		}
		Map<String, String> labels = new LinkedHashMap<>();
		labels.put("alertname", NAME);
		labels.put("severity", routingSeverity(alert.severity()));
		labels.put("stage", alert.severity().name());
		labels.put("business_id", alert.businessId());
		labels.put("number_id", alert.numberId());
		if (alert.phoneNumber() != null) {
			labels.put("phone_number", alert.phoneNumber());
		}
		String expiry = (alert.verificationExpiryTime() != null) ? alert.verificationExpiryTime().toString() : null;
		Map<String, String> annotations = new LinkedHashMap<>();
		annotations.put("summary", "Number %s (%s) of business %s: %s".formatted(alert.phoneNumber(), alert.numberId(),
				alert.businessId(), switch (alert.severity()) {
					case EXPIRED -> "verification expired" + ((expiry != null) ? " at " + expiry : "");
					case UNVERIFIED_DROP -> "never verified since it was added: upstream drops it 90 days after";
					default -> "verification expires at " + expiry + " (" + alert.severity() + ")";
				}));
		if (expiry != null) {
			annotations.put("verification_expiry_time", expiry);
		}
		return new AlertmanagerAlert(labels, annotations, alert.firedAt(), endsAt);
	}

	// an alert of a business as a whole: no number, no stage
	private static AlertmanagerAlert ofBusiness(AlertResponse alert, String name, String summary, Instant endsAt) {
		Map<String, String> labels = new LinkedHashMap<>();
		labels.put("alertname", name);
		labels.put("severity", routingSeverity(alert.severity()));
		labels.put("business_id", alert.businessId());
		return new AlertmanagerAlert(labels, Map.of("summary", summary), alert.firedAt(), endsAt);
	}

	// Alertmanager's routes speak of critical, warning and info
	private static String routingSeverity(Severity severity) {
		return switch (severity) {
			case EXPIRED, CRITICAL -> "critical";
			case WARNING, UNVERIFIED_DROP -> "warning";
			case REVERIFY_WINDOW -> "info";
		};
	}

	AlertmanagerAlert endingAt(Instant ended) {
		return new AlertmanagerAlert(this.labels, this.annotations, this.startsAt, ended);
	}

	/**
	 * Whether Alertmanager would take this for the same alert with the same content.
	 * @param other what was pushed before
	 * @return whether pushing this again changes nothing but its end
	 */
	boolean sameAs(AlertmanagerAlert other) {
		return other != null && this.labels.equals(other.labels) && this.annotations.equals(other.annotations)
				&& this.startsAt.equals(other.startsAt);
	}

	boolean sameLabels(AlertmanagerAlert other) {
		return other != null && this.labels.equals(other.labels);
	}

	// Alertmanager's own field names; a map, so the service's snake_case naming of JSON
	// properties does not apply
	Map<String, Object> toJson() {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("labels", this.labels);
		json.put("annotations", this.annotations);
		json.put("startsAt", this.startsAt.toString());
		if (this.endsAt != null) {
			json.put("endsAt", this.endsAt.toString());
		}
		return json;
	}

	@SuppressWarnings("unchecked")
	static AlertmanagerAlert fromJson(Map<String, Object> json) {
		Object endsAt = json.get("endsAt");
		return new AlertmanagerAlert((Map<String, String>) json.get("labels"),
				(Map<String, String>) json.get("annotations"), Instant.parse((String) json.get("startsAt")),
				(endsAt != null) ? Instant.parse((String) endsAt) : null);
	}

}
