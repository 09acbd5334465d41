package io.preverified.alerts.delivery;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.preverified.alerts.evaluation.Alert;
import io.preverified.numbers.ClaimResponse;

/**
 * The body of a webhook delivery, shaped like an Alertmanager notification: the alerts of
 * one business that changed together, or a claim of one of its numbers.
 *
 * @param idempotencyKey the delivery's {@code Idempotency-Key}, in the body too so that
 * the signature covers it
 * @param status {@code firing} when any of the alerts fires, {@code resolved} otherwise,
 * {@code claimed} for a claim
 * @param businessId the business
 * @param alerts the alerts
 * @param claims the claims, for {@code claimed}
 */
record WebhookPayload(String idempotencyKey, String status, String businessId, List<Item> alerts,
		List<ClaimResponse> claims) {

	static WebhookPayload of(String businessId, List<Item> alerts) {
		boolean firing = alerts.stream().anyMatch((alert) -> "firing".equals(alert.status()));
		return new WebhookPayload(UUID.randomUUID().toString(), firing ? "firing" : "resolved", businessId, alerts,
				List.of());
	}

	static WebhookPayload claimed(ClaimResponse claim) {
		return new WebhookPayload(UUID.randomUUID().toString(), "claimed", claim.businessId(), List.of(),
				List.of(claim));
	}

	/**
	 * Splits the delivery in two, each with its own key, for a receiver that finds it too
	 * large.
	 * @return the halves, in order, or the delivery alone when it holds one alert
	 */
	List<WebhookPayload> halves() {
		if (this.alerts.size() < 2) {
			return List.of(this);
		}
		int middle = this.alerts.size() / 2;
		return List.of(of(this.businessId, this.alerts.subList(0, middle)),
				of(this.businessId, this.alerts.subList(middle, this.alerts.size())));
	}

	/**
	 * One alert in a notification.
	 *
	 * @param status {@code firing} or {@code resolved}
	 * @param labels kind (NUMBER or TOKEN), business_id, number_id, phone_number and
	 * severity
	 * @param startsAt when it fired
	 * @param endsAt when it resolved, or {@code null}
	 * @param verificationExpiryTime when the number's verification expires
	 * @param alertId the alert's id in the API
	 */
	record Item(String status, Map<String, String> labels, Instant startsAt, Instant endsAt,
			Instant verificationExpiryTime, long alertId) {

		static Item of(Alert alert, String status) {
			Map<String, String> labels = new LinkedHashMap<>();
			labels.put("kind", alert.getKind().name());
			labels.put("business_id", alert.getBusinessId());
			labels.put("number_id", alert.getNumberId());
			labels.put("phone_number", alert.getPhoneNumber());
			labels.put("severity", alert.getSeverity().name());
			return new Item(status, labels, alert.getFiredAt(),
					"resolved".equals(status) ? alert.getResolvedAt() : null, alert.getVerificationExpiryTime(),
					alert.getId());
		}

	}

}
