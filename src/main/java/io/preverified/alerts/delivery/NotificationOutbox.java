package io.preverified.alerts.delivery;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.preverified.alerts.AlertsProperties;
import io.preverified.alerts.evaluation.Alert;
import io.preverified.alerts.evaluation.AlertEvaluator;
import io.preverified.alerts.evaluation.AlertRepository;
import io.preverified.jdbc.SqlArray;
import io.preverified.jdbc.SqlTime;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The outbox of alert notifications. {@link AlertEvaluator} writes each change of an
 * alert in the transaction that makes it; once the oldest change of a business is
 * {@code group-wait} old, the changes of that business become one webhook delivery, kept
 * until a receiver accepts it. Nothing is recorded without a webhook URL.
 */
@Component
public class NotificationOutbox {

	private final JdbcClient jdbc;

	private final AlertRepository alerts;

	private final AlertsProperties properties;

	private final WebhookDeliveryStore deliveries;

	private final Clock clock;

	NotificationOutbox(JdbcClient jdbc, AlertRepository alerts, AlertsProperties properties,
			WebhookDeliveryStore deliveries, Clock clock) {
		this.jdbc = jdbc;
		this.alerts = alerts;
		this.properties = properties;
		this.deliveries = deliveries;
		this.clock = clock;
	}

	/**
	 * Turns the changes of every business whose oldest change waited {@code group-wait}
	 * into one delivery per business.
	 * @return how many deliveries were made
	 */
	@Transactional
	public int groupDue() {
		Instant now = this.clock.instant();
		List<String> businesses = this.jdbc.sql("""
				select business_id from alert_notifications group by business_id having min(created_at) <= :due""")
			.param("due", SqlTime.utc(now.minus(this.properties.webhook().groupWait())))
			.query(String.class)
			.list();
		int deliveries = 0;
		for (String businessId : businesses) {
			List<Change> changes = this.jdbc.sql("""
					select id, alert_id, status from alert_notifications where business_id = :businessId
					order by id for update skip locked""").param("businessId", businessId).query(Change.class).list();
			if (changes.isEmpty()) {
				continue;
			}
			// an alert changed twice within the window is sent as it stands last
			Map<Long, String> statusByAlert = new LinkedHashMap<>();
			changes.forEach((change) -> statusByAlert.put(change.alertId(), change.status()));
			Map<Long, Alert> byId = this.alerts.findAllById(statusByAlert.keySet())
				.stream()
				.collect(Collectors.toMap(Alert::getId, Function.identity()));
			List<WebhookPayload.Item> items = new ArrayList<>();
			statusByAlert.forEach((alertId, status) -> items.add(WebhookPayload.Item.of(byId.get(alertId), status)));
			this.deliveries.add(WebhookPayload.of(businessId, items), now);
			this.jdbc.sql("delete from alert_notifications where id = any(:ids)")
				.param("ids", SqlArray.of("bigint", changes.stream().map(Change::id).toArray()))
				.update();
			deliveries++;
		}
		return deliveries;
	}

	/**
	 * One change of an alert waiting in the outbox.
	 *
	 * @param id the outbox row
	 * @param alertId the alert
	 * @param status {@code firing} or {@code resolved}
	 */
	private record Change(long id, long alertId, String status) {

	}

}
