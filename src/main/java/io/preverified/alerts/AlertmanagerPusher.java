package io.preverified.alerts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.preverified.jdbc.SqlArrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Pushes the alerts to Alertmanager after every evaluation: the firing ones with an end
 * four evaluation intervals ahead, so that Alertmanager ends them by itself if no replica
 * pushes any more; the ones that stopped firing (acknowledged, resolved, or pushed with
 * other labels) once, ending when they did. One replica pushes per evaluation interval:
 * it claims the round in the database first. A push that fails is not recorded, so the
 * next evaluation sends it again; it runs beside the evaluation and the webhook, never in
 * their way.
 */
@Component
class AlertmanagerPusher {

	private static final Logger logger = LoggerFactory.getLogger(AlertmanagerPusher.class);

	static final int BATCH_SIZE = 300;

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private static final int EVALUATIONS_AHEAD = 4;

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

	private final AlertsProperties properties;

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final WebClient webClient;

	private final TaskScheduler taskScheduler;

	private final MeterRegistry meters;

	private final Clock clock;

	private final AtomicBoolean pushing = new AtomicBoolean();

	AlertmanagerPusher(AlertsProperties properties, JdbcClient jdbc, JsonMapper json, WebClient.Builder webClient,
			TaskScheduler taskScheduler, MeterRegistry meters, Clock clock) {
		this.properties = properties;
		this.jdbc = jdbc;
		this.json = json;
		this.webClient = webClient.clone().build();
		this.taskScheduler = taskScheduler;
		this.meters = meters;
		this.clock = clock;
		// every outcome is exposed from the start, so that a dashboard's rate is defined
		List.of("accepted", "refused", "failed").forEach(this::counter);
	}

	/**
	 * Starts a push on another thread, unless one is still under way.
	 */
	void pushSoon() {
		if (this.properties.alertmanager().enabled() && this.pushing.compareAndSet(false, true)) {
			this.taskScheduler.schedule(() -> {
				try {
					push();
				}
				catch (RuntimeException ex) {
					logger.error("Could not push alerts to Alertmanager", ex);
				}
				finally {
					this.pushing.set(false);
				}
			}, this.taskScheduler.getClock().instant());
		}
	}

	/**
	 * Pushes every alert Alertmanager is to know about, in batches, unless another
	 * replica pushed within the last half evaluation interval.
	 * @return whether this replica pushed
	 */
	boolean push() {
		Instant now = this.clock.instant();
		Duration interval = this.properties.evaluationInterval();
		if (this.jdbc.sql(CLAIM)
			.param("now", utc(now))
			.param("claimable", utc(now.minus(interval.dividedBy(2))))
			.update() == 0) {
			logger.debug("Another replica pushed the alerts to Alertmanager within this evaluation interval");
			return false;
		}
		Instant endsAt = now.plus(interval.multipliedBy(EVALUATIONS_AHEAD));
		long after = 0;
		List<Pushed> batch;
		do {
			batch = firing(after, now, endsAt);
			if (!batch.isEmpty() && !post(batch)) {
				return true;
			}
			recordFiring(batch);
			after = batch.isEmpty() ? after : batch.get(batch.size() - 1).alertId();
		}
		while (batch.size() >= BATCH_SIZE);
		after = 0;
		do {
			batch = ended(after);
			if (!batch.isEmpty() && !post(batch)) {
				return true;
			}
			if (!batch.isEmpty()) {
				this.jdbc.sql(RECORD_ENDED)
					.param("ids", SqlArrays.of("bigint", batch.stream().map(Pushed::alertId).toArray()))
					.update();
			}
			after = batch.isEmpty() ? after : batch.get(batch.size() - 1).alertId();
		}
		while (batch.size() >= BATCH_SIZE);
		return true;
	}

	// a firing alert whose labels changed since its last push (it escalated, or its
	// number moved) also ends the alert Alertmanager knows under the old labels
	private List<Pushed> firing(long after, Instant now, Instant endsAt) {
		List<Pushed> batch = new ArrayList<>();
		this.jdbc.sql(FIRING).param("after", after).param("limit", BATCH_SIZE).query((row) -> {
			AlertmanagerAlert alert = AlertmanagerAlert.firing(AlertResponse.of(row, now), endsAt);
			AlertmanagerAlert before = read(row.getString("pushed"));
			if (before != null && !alert.sameLabels(before)) {
				batch.add(new Pushed(row.getLong("id"), before.endingAt(now), false));
			}
			batch.add(new Pushed(row.getLong("id"), alert, !alert.sameAs(before)));
		});
		return batch;
	}

	private List<Pushed> ended(long after) {
		List<Pushed> batch = new ArrayList<>();
		this.jdbc.sql(ENDED).param("after", after).param("limit", BATCH_SIZE).query((row) -> {
			AlertmanagerAlert before = read(row.getString("pushed"));
			batch.add(new Pushed(row.getLong("id"), before.endingAt(row.getTimestamp("ended_at").toInstant()), false));
		});
		return batch;
	}

	// only what changed is written, so an alert that fires on writes nothing
	private void recordFiring(List<Pushed> batch) {
		List<Pushed> changed = batch.stream().filter(Pushed::changed).toList();
		if (changed.isEmpty()) {
			return;
		}
		this.jdbc.sql(RECORD_FIRING)
			.param("ids", SqlArrays.of("bigint", changed.stream().map(Pushed::alertId).toArray()))
			.param("alerts",
					SqlArrays.of("text",
							changed.stream()
								.map((pushed) -> this.json.writeValueAsString(pushed.alert().endingAt(null).toJson()))
								.toArray()))
			.update();
	}

	private boolean post(List<Pushed> batch) {
		List<Map<String, Object>> body = batch.stream().map((pushed) -> pushed.alert().toJson()).toList();
		String failure;
		try {
			Integer status = this.webClient.post()
				.uri(this.properties.alertmanager().url().toString().replaceAll("/+$", "") + "/api/v2/alerts")
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(this.json.writeValueAsBytes(body))
				.exchangeToMono((response) -> response.releaseBody().thenReturn(response.statusCode().value()))
				.block(TIMEOUT);
			if (status != null && status >= 200 && status < 300) {
				count("accepted");
				return true;
			}
			failure = "HTTP " + status;
			count("refused");
		}
		catch (RuntimeException ex) {
			failure = (ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getSimpleName();
			count("failed");
		}
		logger.warn("Alertmanager did not take {} alerts ({}); they are pushed again at the next evaluation",
				batch.size(), failure);
		return false;
	}

	@SuppressWarnings("unchecked")
	private AlertmanagerAlert read(String pushed) {
		return (pushed != null) ? AlertmanagerAlert.fromJson(this.json.readValue(pushed, Map.class)) : null;
	}

	private void count(String outcome) {
		counter(outcome).increment();
	}

	private Counter counter(String outcome) {
		return Counter.builder("preverified.alertmanager.pushes")
			.description("Requests to Alertmanager's POST /api/v2/alerts by outcome")
			.tag("outcome", outcome)
			.register(this.meters);
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	/**
	 * One alert of a push.
	 *
	 * @param alertId the alert it stands for
	 * @param alert what is pushed
	 * @param changed whether it differs from what was last recorded as pushed
	 */
	private record Pushed(long alertId, AlertmanagerAlert alert, boolean changed) {

	}

}
