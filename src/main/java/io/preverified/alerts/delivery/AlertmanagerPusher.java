package io.preverified.alerts.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.preverified.alerts.AlertsProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
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
public class AlertmanagerPusher {

	private static final Logger logger = LoggerFactory.getLogger(AlertmanagerPusher.class);

	static final int BATCH_SIZE = 300;

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private static final int EVALUATIONS_AHEAD = 4;

	private final AlertsProperties properties;

	private final AlertmanagerPushStore pushes;

	private final JsonMapper json;

	private final WebClient webClient;

	// POST /api/v2/alerts of the configured base URL, or null when none is configured
	private final String endpoint;

	private final TaskScheduler taskScheduler;

	private final MeterRegistry meters;

	private final Clock clock;

	private final AtomicBoolean pushing = new AtomicBoolean();

	private final ObservationRegistry observations;

	AlertmanagerPusher(AlertsProperties properties, AlertmanagerPushStore pushes, JsonMapper json,
			WebClient.Builder webClient, TaskScheduler taskScheduler, MeterRegistry meters, Clock clock,
			ObservationRegistry observations) {
		this.properties = properties;
		this.pushes = pushes;
		this.json = json;
		this.webClient = webClient.clone().build();
		this.endpoint = properties.alertmanager().enabled()
				? properties.alertmanager().url().toString().replaceAll("/+$", "") + "/api/v2/alerts" : null;
		this.taskScheduler = taskScheduler;
		this.meters = meters;
		this.clock = clock;
		this.observations = observations;
		// every outcome is exposed from the start, so that a dashboard's rate is defined
		List.of("accepted", "refused", "failed").forEach(this::counter);
	}

	/**
	 * Starts a push on another thread, unless one is still under way.
	 */
	public void pushSoon() {
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
	 * @return what happened: pushed, failed (the rest waits for the next evaluation), or
	 * skipped for another replica
	 */
	Push push() {
		Instant now = this.clock.instant();
		Duration interval = this.properties.evaluationInterval();
		if (!this.pushes.claim(now, now.minus(interval.dividedBy(2)))) {
			logger.debug("Another replica pushed the alerts to Alertmanager within this evaluation interval");
			return Push.SKIPPED;
		}
		Instant endsAt = now.plus(interval.multipliedBy(EVALUATIONS_AHEAD));
		List<AlertmanagerPushStore.Firing> firing;
		long after = 0;
		do {
			firing = this.pushes.firing(after, BATCH_SIZE, now);
			if (!firing.isEmpty() && !pushFiring(firing, now, endsAt)) {
				return Push.FAILED;
			}
			after = firing.isEmpty() ? after : firing.get(firing.size() - 1).alert().id();
		}
		while (firing.size() == BATCH_SIZE);
		List<AlertmanagerPushStore.Ended> ended;
		after = 0;
		do {
			ended = this.pushes.ended(after, BATCH_SIZE);
			if (!ended.isEmpty()) {
				if (!post(ended.stream().map(AlertmanagerPushStore.Ended::alert).toList())) {
					return Push.FAILED;
				}
				this.pushes.recordEnded(ended.stream().map(AlertmanagerPushStore.Ended::alertId).toList());
				after = ended.get(ended.size() - 1).alertId();
			}
		}
		while (ended.size() == BATCH_SIZE);
		return Push.PUSHED;
	}

	// a firing alert whose labels changed since its last push (it escalated, or its
	// number moved) also ends the alert Alertmanager knows under the old labels; only
	// what changed is recorded, so an alert that fires on writes nothing
	private boolean pushFiring(List<AlertmanagerPushStore.Firing> firing, Instant now, Instant endsAt) {
		List<AlertmanagerAlert> batch = new ArrayList<>();
		Map<Long, AlertmanagerAlert> changed = new LinkedHashMap<>();
		for (AlertmanagerPushStore.Firing alert : firing) {
			AlertmanagerAlert current = AlertmanagerAlert.firing(alert.alert(), endsAt);
			if (alert.pushed() != null && !current.sameLabels(alert.pushed())) {
				batch.add(alert.pushed().endingAt(now));
			}
			batch.add(current);
			if (!current.sameAs(alert.pushed())) {
				changed.put(alert.alert().id(), current);
			}
		}
		if (!post(batch)) {
			return false;
		}
		this.pushes.recordFiring(changed);
		return true;
	}

	// each request is a span of its own
	private boolean post(List<AlertmanagerAlert> batch) {
		return Observation.createNotStarted("preverified.alertmanager.push", this.observations)
			.contextualName("alertmanager push")
			.highCardinalityKeyValue("alerts", Integer.toString(batch.size()))
			.observe(() -> postBatch(batch));
	}

	private boolean postBatch(List<AlertmanagerAlert> batch) {
		List<Map<String, Object>> body = batch.stream().map(AlertmanagerAlert::toJson).toList();
		String failure;
		try {
			Integer status = this.webClient.post()
				.uri(this.endpoint)
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

	// the outcome tags the push's span too
	private void count(String outcome) {
		Observation push = this.observations.getCurrentObservation();
		if (push != null) {
			push.lowCardinalityKeyValue("outcome", outcome);
		}
		counter(outcome).increment();
	}

	private Counter counter(String outcome) {
		return Counter.builder("preverified.alertmanager.pushes")
			.description("Requests to Alertmanager's POST /api/v2/alerts by outcome")
			.tag("outcome", outcome)
			.register(this.meters);
	}

	/**
	 * What a push did.
	 */
	enum Push {

		/** Every alert Alertmanager is to know about was taken. */
		PUSHED,

		/** Alertmanager did not take a batch; the rest waits for the next evaluation. */
		FAILED,

		/** Another replica pushed within this evaluation interval. */
		SKIPPED

	}

}
