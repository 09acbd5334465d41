package io.preverified.alerts.evaluation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.preverified.alerts.Severity;
import io.preverified.jdbc.ListQuery;
import io.preverified.jdbc.SqlTime;
import io.preverified.web.BusinessScope;
import io.preverified.web.Cursor;
import io.preverified.web.ListResponse;
import io.preverified.web.ResponseValidity;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads alerts for the API.
 */
@Service
public class AlertQueries {

	/** The columns of {@code alerts a} an {@link AlertResponse} is read from. */
	public static final String COLUMNS = """
			a.id, a.kind, a.number_id, a.business_id, a.phone_number, a.verification_expiry_time, a.severity, a.state,
			a.fired_at, a.acknowledged_at, a.resolved_at""";

	private final AlertRepository alerts;

	private final JdbcClient jdbc;

	private final Clock clock;

	AlertQueries(AlertRepository alerts, JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.alerts = alerts;
		this.clock = clock;
	}

	/**
	 * Alerts, soonest expiry first (no expiry last), then by id.
	 * @param businessId only those of this business, or {@code null}
	 * @param kind only those of this kind, or {@code null}
	 * @param severity only those of this severity, or {@code null}
	 * @param state only those in this state, or {@code null} for the open ones
	 * @param after the cursor of the previous page, or {@code null}
	 * @param limit the page size
	 * @return one page, read in one statement (no transaction around it)
	 */
	ListResponse<AlertResponse> find(String businessId, Alert.Kind kind, Severity severity, Alert.State state,
			String after, int limit) {
		Cursor.TimeAndId cursor = Cursor.decodeTimeAndId(after);
		Instant now = this.clock.instant();
		ListQuery query = ListQuery.of("select " + COLUMNS + " from alerts a")
			.where("a.business_id = :businessId", "businessId", businessId)
			.where(BusinessScope.sql("a.business_id"), "scope", BusinessScope.current().sqlParameter())
			.where("a.kind = :kind", "kind", (kind != null) ? kind.name() : null)
			.where("a.severity = :severity", "severity", (severity != null) ? severity.name() : null)
			.where("a.state = :state", "state", (state != null) ? state.name() : null);
		if (state == null) {
			query.where("a.state <> 'RESOLVED'");
		}
		if (cursor != null) {
			// PostgreSQL sorts nulls last in ascending order
			Map<String, Object> position = new HashMap<>(Map.of("afterId", cursor.id()));
			if (cursor.time() != null) {
				position.put("afterTime", SqlTime.utc(cursor.time()));
			}
			query.after((cursor.time() == null) ? "a.verification_expiry_time is null and a.id > :afterId"
					: "(a.verification_expiry_time > :afterTime or (a.verification_expiry_time = :afterTime "
							+ "and a.id > :afterId) or a.verification_expiry_time is null)",
					position);
		}
		// rows go straight to the response: no managed entity for a list
		List<AlertResponse> rows = query.list(this.jdbc, "a.verification_expiry_time, a.id", limit + 1,
				(row, index) -> {
					AlertResponse alert = AlertResponse.of(row, now);
					if (alert.verificationExpiryTime() != null) {
						// expires_in_seconds counts down: the answer holds until its next
						// second
						ResponseValidity
							.until(now.plusNanos(Duration.between(now, alert.verificationExpiryTime()).getNano()));
					}
					return alert;
				});
		return ListResponse.of(rows, limit, (alert) -> Cursor.timeAndId(alert.verificationExpiryTime(), alert.id()),
				(alert) -> alert);
	}

	@Transactional(readOnly = true)
	AlertResponse get(long id) {
		return AlertResponse.of(alert(id), this.clock.instant());
	}

	private Alert alert(long id) {
		return this.alerts.findById(id).orElseThrow(() -> new UnknownAlertException(id));
	}

}
