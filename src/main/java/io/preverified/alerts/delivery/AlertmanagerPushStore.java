package io.preverified.alerts.delivery;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.preverified.alerts.evaluation.AlertQueries;
import io.preverified.alerts.evaluation.AlertResponse;
import io.preverified.jdbc.SqlArray;
import io.preverified.jdbc.SqlTime;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What was pushed to Alertmanager: the round a replica claimed, and per alert what it
 * last pushed while the alert fired ({@code alerts.alertmanager_alert}).
 */
@Repository
class AlertmanagerPushStore {

	private static final String CLAIM = """
			update alertmanager_pushes set pushed_at = :now where id = 1 and pushed_at <= :claimable""";

	private static final String FIRING = "select " + AlertQueries.COLUMNS + """
			, a.alertmanager_alert::text as pushed from alerts a
			where a.state = 'FIRING' and a.id > :after order by a.id limit :limit""";

	private static final String ENDED = """
			select a.id, a.alertmanager_alert::text as pushed, coalesce(a.acknowledged_at, a.resolved_at) as ended_at
			from alerts a where a.alertmanager_alert is not null and a.state <> 'FIRING' and a.id > :after
			order by a.id limit :limit""";

	private static final String RECORD_FIRING = """
			update alerts a set alertmanager_alert = pushed.alert::jsonb
			from unnest(:ids::bigint[], :alerts::text[]) as pushed(id, alert)
			where a.id = pushed.id and a.state = 'FIRING'""";

	private static final String RECORD_ENDED = """
			update alerts set alertmanager_alert = null where id = any(:ids::bigint[]) and state <> 'FIRING'""";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	AlertmanagerPushStore(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/**
	 * Claims a round of pushes for this replica.
	 * @param now the time of the round
	 * @param claimable a round claimed at or before this time is over
	 * @return whether no other replica claimed a round since {@code claimable}
	 */
	boolean claim(Instant now, Instant claimable) {
		return this.jdbc.sql(CLAIM)
			.param("now", SqlTime.utc(now))
			.param("claimable", SqlTime.utc(claimable))
			.update() > 0;
	}

	List<Firing> firing(long afterId, int limit, Instant now) {
		return this.jdbc.sql(FIRING)
			.param("after", afterId)
			.param("limit", limit)
			.query((row, index) -> new Firing(AlertResponse.of(row, now), read(row.getString("pushed"))))
			.list();
	}

	List<Ended> ended(long afterId, int limit) {
		return this.jdbc.sql(ENDED)
			.param("after", afterId)
			.param("limit", limit)
			.query((row, index) -> new Ended(row.getLong("id"),
					read(row.getString("pushed")).endingAt(SqlTime.instant(row, "ended_at"))))
			.list();
	}

	void recordFiring(Map<Long, AlertmanagerAlert> pushed) {
		if (pushed.isEmpty()) {
			return;
		}
		this.jdbc.sql(RECORD_FIRING)
			.param("ids", SqlArray.of("bigint", pushed.keySet().toArray()))
			.param("alerts",
					SqlArray.of("text",
							pushed.values()
								.stream()
								.map((alert) -> this.json.writeValueAsString(alert.endingAt(null).toJson()))
								.toArray()))
			.update();
	}

	void recordEnded(List<Long> alertIds) {
		if (!alertIds.isEmpty()) {
			this.jdbc.sql(RECORD_ENDED).param("ids", SqlArray.of("bigint", alertIds.toArray())).update();
		}
	}

	@SuppressWarnings("unchecked")
	private AlertmanagerAlert read(String pushed) {
		return (pushed != null) ? AlertmanagerAlert.fromJson(this.json.readValue(pushed, Map.class)) : null;
	}

	/**
	 * A firing alert and what was last pushed of it.
	 *
	 * @param alert the alert
	 * @param pushed what was pushed while it fired, or {@code null}
	 */
	record Firing(AlertResponse alert, AlertmanagerAlert pushed) {

	}

	/**
	 * An alert that stopped firing after it was pushed.
	 *
	 * @param alertId the alert
	 * @param alert what was pushed, ending when the alert did
	 */
	record Ended(long alertId, AlertmanagerAlert alert) {

	}

}
