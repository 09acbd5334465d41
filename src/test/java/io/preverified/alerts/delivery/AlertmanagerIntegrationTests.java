package io.preverified.alerts.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.preverified.IntegrationTests;
import io.preverified.alerts.WebhookReceiver;
import io.preverified.alerts.evaluation.AlertScheduler;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Alerts pushed to a local receiver standing in for Alertmanager's
 * {@code POST /api/v2/alerts}; evaluation interval 1h, so a firing alert ends 4h ahead.
 */
class AlertmanagerIntegrationTests extends IntegrationTests {

	private static final Duration INTERVAL = Duration.ofHours(1);

	private static final WebhookReceiver alertmanager = WebhookReceiver.start();

	@Autowired
	private AlertmanagerPusher pusher;

	@Autowired
	private AlertScheduler scheduler;

	@DynamicPropertySource
	static void alertmanagerProperties(DynamicPropertyRegistry registry) {
		registry.add("preverified.alerts.alertmanager.url", alertmanager::baseUrl);
	}

	@BeforeEach
	void noPushYet() {
		alertmanager.reset();
		this.jdbc.update("update alertmanager_pushes set pushed_at = '-infinity'");
	}

	@AfterAll
	static void stopReceiver() {
		alertmanager.close();
	}

	@Test
	void firingAlertsArePushedWithTheirLabelsAndAnEndFourEvaluationsAhead() {
		Instant now = this.clock.pin();
		syncNumbers(BUSINESS_1, number("expired", "EXPIRED", now.minus(Duration.ofDays(1))),
				number("critical", "VERIFIED", now.plus(Duration.ofDays(2))),
				number("warning", "VERIFIED", now.plus(Duration.ofDays(10))),
				number("window", "VERIFIED", now.plus(Duration.ofDays(30))),
				number("quiet", "VERIFIED", now.plus(Duration.ofDays(80))));

		assertThat(this.pusher.push()).isEqualTo(AlertmanagerPusher.Push.PUSHED);

		assertThat(alertmanager.received()).hasSize(1);
		assertThat(alertmanager.received().get(0).request().getTarget()).isEqualTo("/api/v2/alerts");
		Map<String, JsonNode> pushed = byNumber(lastPush());
		assertThat(pushed).containsOnlyKeys("expired", "critical", "warning", "window");
		assertThat(severities(pushed)).containsExactlyInAnyOrderEntriesOf(Map.of("expired", "critical/EXPIRED",
				"critical", "critical/CRITICAL", "warning", "warning/WARNING", "window", "info/REVERIFY_WINDOW"));
		JsonNode critical = pushed.get("critical");
		assertThat(critical.get("labels").get("alertname").asString()).isEqualTo("PreverifiedNumberExpiring");
		assertThat(critical.get("labels").get("business_id").asString()).isEqualTo(BUSINESS_1);
		assertThat(critical.get("labels").get("phone_number").asString()).isEqualTo("+1555000" + id("critical"));
		assertThat(critical.get("annotations").get("verification_expiry_time").asString())
			.isEqualTo(now.plus(Duration.ofDays(2)).toString());
		assertThat(critical.get("annotations").get("summary").asString()).contains("+1555000" + id("critical"),
				BUSINESS_1);
		assertThat(critical.get("startsAt").asString()).isEqualTo(now.toString());
		assertThat(critical.get("endsAt").asString()).isEqualTo(now.plus(INTERVAL.multipliedBy(4)).toString());
	}

	@Test
	void acknowledgedAndResolvedAlertsArePostedOnceEndingWhenTheyEnded() {
		Instant now = this.clock.pin();
		syncNumbers(BUSINESS_1, number("acknowledged", "VERIFIED", now.plus(Duration.ofDays(2))),
				number("resolved", "VERIFIED", now.plus(Duration.ofDays(2))),
				number("firing", "VERIFIED", now.plus(Duration.ofDays(2))));
		this.pusher.push();
		Instant ended = this.clock.advance(Duration.ofMinutes(10));
		acknowledge("acknowledged");
		syncNumbers(BUSINESS_1, number("acknowledged", "VERIFIED", now.plus(Duration.ofDays(2))),
				number("resolved", "VERIFIED", now.plus(Duration.ofDays(90))),
				number("firing", "VERIFIED", now.plus(Duration.ofDays(2))));

		Instant next = this.clock.advance(INTERVAL);
		int before = alertmanager.received().size();
		this.pusher.push();

		Map<String, JsonNode> pushed = byNumber(pushedSince(before));
		assertThat(pushed).containsOnlyKeys("acknowledged", "resolved", "firing");
		assertThat(pushed.get("acknowledged").get("endsAt").asString()).isEqualTo(ended.toString());
		assertThat(pushed.get("resolved").get("endsAt").asString()).isEqualTo(ended.toString());
		assertThat(pushed.get("firing").get("endsAt").asString())
			.isEqualTo(next.plus(INTERVAL.multipliedBy(4)).toString());

		this.clock.advance(INTERVAL);
		before = alertmanager.received().size();
		this.pusher.push();

		assertThat(byNumber(pushedSince(before))).containsOnlyKeys("firing");
	}

	@Test
	void escalationEndsTheAlertUnderItsOldLabels() {
		Instant now = this.clock.pin();
		syncNumbers(BUSINESS_1, number("9001", "VERIFIED", now.plus(Duration.ofDays(4))));
		this.pusher.push();

		Instant escalated = this.clock.advance(Duration.ofDays(1).plus(INTERVAL));
		this.scheduler.evaluateAll();
		await().until(() -> alertmanager.received().size() == 2);

		List<JsonNode> pushed = pushedSince(1);
		assertThat(pushed)
			.extracting((alert) -> alert.get("labels").get("stage").asString() + " " + alert.get("endsAt").asString())
			.containsExactlyInAnyOrder("WARNING " + escalated, "CRITICAL " + escalated.plus(INTERVAL.multipliedBy(4)));
	}

	@Test
	void refusedPushIsRetriedAtTheNextEvaluationAndCounted() throws Exception {
		Instant now = this.clock.pin();
		syncNumbers(BUSINESS_1, number("9001", "VERIFIED", now.plus(Duration.ofDays(2))));
		this.pusher.push();
		syncNumbers(BUSINESS_1);
		alertmanager.answer(503);

		this.clock.advance(INTERVAL);
		assertThat(this.pusher.push()).isEqualTo(AlertmanagerPusher.Push.FAILED);
		this.clock.advance(INTERVAL);
		assertThat(this.pusher.push()).isEqualTo(AlertmanagerPusher.Push.PUSHED);

		assertThat(alertmanager.received()).extracting(WebhookReceiver.Received::status).containsExactly(200, 503, 200);
		JsonNode retried = byNumber(lastPush()).get("9001");
		assertThat(retried.get("endsAt").asString()).isEqualTo(now.toString());
		String metrics = this.mvc.get().uri("/actuator/prometheus").exchange().getResponse().getContentAsString();
		assertThat(metrics)
			.containsPattern("preverified_alertmanager_pushes_total\\{[^}]*outcome=\"refused\"[^}]*\\} 1\\.0")
			.containsPattern("preverified_alertmanager_pushes_total\\{[^}]*outcome=\"accepted\"[^}]*\\} [1-9]");
	}

	@Test
	void manyAlertsGoInBatchesOfAFewHundred() {
		Instant now = this.clock.pin();
		List<Map<String, Object>> numbers = new ArrayList<>();
		for (int i = 0; i < 650; i++) {
			numbers.add(number("b" + i, "VERIFIED", now.plus(Duration.ofDays(2))));
		}
		syncNumbers(BUSINESS_1, numbers.toArray(Map[]::new));

		this.pusher.push();

		assertThat(alertmanager.received()).extracting((received) -> json.readTree(received.body()).size())
			.containsExactly(300, 300, 50);
	}

	@Test
	void twoReplicasPushingAtOnceSendTheAlertsOnce() throws Exception {
		Instant now = this.clock.pin();
		syncNumbers(BUSINESS_1, number("9001", "VERIFIED", now.plus(Duration.ofDays(2))));
		ExecutorService replicas = Executors.newFixedThreadPool(2);
		try {
			Callable<AlertmanagerPusher.Push> push = this.pusher::push;
			List<Future<AlertmanagerPusher.Push>> pushed = replicas.invokeAll(List.of(push, push));
			assertThat(List.of(pushed.get(0).get(), pushed.get(1).get()))
				.containsExactlyInAnyOrder(AlertmanagerPusher.Push.PUSHED, AlertmanagerPusher.Push.SKIPPED);
		}
		finally {
			replicas.shutdown();
		}
		assertThat(alertmanager.received()).hasSize(1);

		this.clock.advance(INTERVAL.dividedBy(4));
		assertThat(this.pusher.push()).as("within the same evaluation interval")
			.isEqualTo(AlertmanagerPusher.Push.SKIPPED);
		this.clock.advance(INTERVAL);
		assertThat(this.pusher.push()).isEqualTo(AlertmanagerPusher.Push.PUSHED);
	}

	@Test
	void anUnansweredPushNeitherBlocksTheEvaluationNorTheWebhook() {
		Instant now = Instant.now();
		syncNumbers(BUSINESS_1, number("9001", "VERIFIED", now.plus(Duration.ofDays(2))));
		alertmanager.hold();
		try {
			this.scheduler.evaluateAll();
			await().until(() -> alertmanager.arrived() == 1);

			syncNumbers(BUSINESS_1, number("9001", "VERIFIED", now.plus(Duration.ofDays(2))),
					number("9002", "VERIFIED", now.plus(Duration.ofDays(1))));
			this.scheduler.evaluateAll();

			assertThat(numberIds(getJson("/api/v1/alerts"))).containsExactly("9002", "9001");
			await().until(() -> webhookReceiver.accepted().stream().anyMatch((hook) -> hook.body().contains("9002")));
		}
		finally {
			alertmanager.release();
		}
	}

	private void acknowledge(String numberId) {
		long alertId = this.jdbc.queryForObject("select id from alerts where number_id = ? and state = 'FIRING'",
				Long.class, id(numberId));
		assertThat(this.mvc.post().uri("/api/v1/alerts/{id}/acknowledge", alertId).exchange()).hasStatus(HttpStatus.OK);
	}

	private static List<JsonNode> lastPush() {
		return pushedSince(alertmanager.received().size() - 1);
	}

	// the alerts of every request from the given one on
	private static List<JsonNode> pushedSince(int request) {
		List<JsonNode> alerts = new ArrayList<>();
		alertmanager.received()
			.subList(request, alertmanager.received().size())
			.forEach((received) -> json.readTree(received.body()).forEach(alerts::add));
		return alerts;
	}

	private static Map<String, JsonNode> byNumber(List<JsonNode> alerts) {
		Map<String, JsonNode> byNumber = new LinkedHashMap<>();
		alerts.forEach((alert) -> byNumber.put(name(alert.get("labels").get("number_id").asString()), alert));
		return byNumber;
	}

	private static Map<String, String> severities(Map<String, JsonNode> pushed) {
		Map<String, String> severities = new LinkedHashMap<>();
		pushed.forEach((number, alert) -> severities.put(number,
				alert.get("labels").get("severity").asString() + "/" + alert.get("labels").get("stage").asString()));
		return severities;
	}

	private static List<String> numberIds(JsonNode list) {
		List<String> ids = new ArrayList<>();
		list.get("data").forEach((alert) -> ids.add(name(alert.get("number_id").asString())));
		return ids;
	}

}
