package io.preverified.alerts;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import io.preverified.IntegrationTests;
import io.preverified.alerts.delivery.WebhookSignature;
import io.preverified.alerts.evaluation.AlertScheduler;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Expiry alerts over numbers synced from the fake Graph API, with a stopped clock.
 */
class AlertsIntegrationTests extends IntegrationTests {

	private static final Duration DAY = Duration.ofDays(1);

	@Autowired
	private AlertScheduler scheduler;

	@Test
	void severityFollowsTheThresholdsToTheSecond() {
		Instant now = this.clock.pin();
		syncNumbers(BUSINESS_1, number("outside", "VERIFIED", now.plus(Duration.ofDays(45)).plusSeconds(1)),
				number("window-edge", "VERIFIED", now.plus(Duration.ofDays(45))),
				number("window", "VERIFIED", now.plus(Duration.ofDays(14)).plusSeconds(1)),
				number("warning-edge", "VERIFIED", now.plus(Duration.ofDays(14))),
				number("warning", "VERIFIED", now.plus(Duration.ofDays(3)).plusSeconds(1)),
				number("critical-edge", "VERIFIED", now.plus(Duration.ofDays(3))),
				number("critical", "VERIFIED", now.plusSeconds(1)), number("expiry-now", "VERIFIED", now),
				number("expired", "VERIFIED", now.minus(DAY)),
				number("status-expired", "EXPIRED", now.plus(Duration.ofDays(60))),
				number("not-verified", "NOT_VERIFIED", null));

		Map<String, String> severities = severitiesByNumber("/api/v1/alerts?limit=100");

		assertThat(severities).containsExactlyInAnyOrderEntriesOf(Map.of("window-edge", "REVERIFY_WINDOW", "window",
				"REVERIFY_WINDOW", "warning-edge", "WARNING", "warning", "WARNING", "critical-edge", "CRITICAL",
				"critical", "CRITICAL", "expiry-now", "EXPIRED", "expired", "EXPIRED", "status-expired", "EXPIRED"));
	}

	@Test
	void alertsAreListedSoonestExpiryFirstAndPaged() {
		Instant now = this.clock.pin();
		syncNumbers(BUSINESS_1, number("later", "VERIFIED", now.plus(Duration.ofDays(30))),
				number("sooner", "VERIFIED", now.plus(Duration.ofDays(2))), number("expired", "EXPIRED", null),
				number("soonest", "VERIFIED", now.plus(DAY)));

		JsonNode first = getJson("/api/v1/alerts?limit=2");
		JsonNode second = getJson(
				"/api/v1/alerts?limit=2&after=" + first.get("paging").get("cursors").get("after").asString());

		assertThat(numberIds(first)).containsExactly("soonest", "sooner");
		assertThat(numberIds(second)).containsExactly("later", "expired");
		assertThat(second.get("paging").has("next")).isFalse();
		JsonNode soonest = first.get("data").get(0);
		assertThat(soonest.get("business_id").asString()).isEqualTo(BUSINESS_1);
		assertThat(soonest.get("phone_number").asString()).isEqualTo("+1555000" + id("soonest"));
		assertThat(soonest.get("expires_in_seconds").asLong()).isEqualTo(DAY.toSeconds());
		assertThat(soonest.get("state").asString()).isEqualTo("FIRING");
		assertThat(soonest.get("fired_at").asString()).isEqualTo(now.toString());
		assertThat(getJson("/api/v1/alerts/" + soonest.get("id").asLong()).get("number_id").asString())
			.isEqualTo(id("soonest"));
		assertThat(numberIds(getJson("/api/v1/alerts?severity=CRITICAL"))).containsExactly("soonest", "sooner");
		assertThat(numberIds(getJson("/api/v1/alerts?business_id=" + BUSINESS_2))).isEmpty();
	}

	@Test
	void severityEscalatesWithTimeAloneWithoutASync() {
		Instant now = this.clock.pin();
		syncNumbers(BUSINESS_1, number("9001", "VERIFIED", now.plus(Duration.ofDays(4))));
		assertThat(severitiesByNumber("/api/v1/alerts")).containsEntry("9001", "WARNING");

		this.clock.advance(DAY.plusSeconds(1));
		this.scheduler.evaluateAll();
		assertThat(severitiesByNumber("/api/v1/alerts")).containsEntry("9001", "CRITICAL");

		this.clock.advance(Duration.ofDays(3));
		this.scheduler.evaluateAll();
		assertThat(severitiesByNumber("/api/v1/alerts")).containsEntry("9001", "EXPIRED");
	}

	@Test
	void alertResolvesWhenTheNumberIsReverifiedPastTheWindow() {
		Instant now = this.clock.pin();
		syncNumbers(BUSINESS_1, number("9001", "VERIFIED", now.plus(Duration.ofDays(10))));
		long alertId = getJson("/api/v1/alerts").get("data").get(0).get("id").asLong();

		this.clock.advance(Duration.ofHours(1));
		syncNumbers(BUSINESS_1, number("9001", "VERIFIED", now.plus(Duration.ofDays(90))));

		assertThat(getJson("/api/v1/alerts").get("data")).isEmpty();
		JsonNode resolved = getJson("/api/v1/alerts/" + alertId);
		assertThat(resolved.get("state").asString()).isEqualTo("RESOLVED");
		assertThat(resolved.get("resolved_at").asString()).isEqualTo(now.plus(Duration.ofHours(1)).toString());
		assertThat(numberIds(getJson("/api/v1/alerts?state=RESOLVED"))).containsExactly("9001");
	}

	@Test
	void alertResolvesWhenTheNumberLeavesThePool() {
		Instant now = this.clock.pin();
		syncNumbers(BUSINESS_1, number("9001", "VERIFIED", now.plus(Duration.ofDays(2))),
				number("9002", "VERIFIED", now.plus(Duration.ofDays(2))));

		syncNumbers(BUSINESS_1, number("9002", "VERIFIED", now.plus(Duration.ofDays(2))));

		assertThat(numberIds(getJson("/api/v1/alerts"))).containsExactly("9002");
		assertThat(numberIds(getJson("/api/v1/alerts?state=RESOLVED"))).containsExactly("9001");
	}

	@Test
	void acknowledgedAlertStaysQuietUntilItEscalates() {
		Instant now = this.clock.pin();
		syncNumbers(BUSINESS_1, number("9001", "VERIFIED", now.plus(Duration.ofDays(5))));
		long alertId = getJson("/api/v1/alerts").get("data").get(0).get("id").asLong();

		MvcTestResult acknowledged = this.mvc.post().uri("/api/v1/alerts/{id}/acknowledge", alertId).exchange();
		assertThat(acknowledged).hasStatus(HttpStatus.OK);
		assertThat(json.readTree(acknowledged.getResponse().getContentAsByteArray()).get("state").asString())
			.isEqualTo("ACKNOWLEDGED");
		this.clock.advance(Duration.ofHours(12));
		this.scheduler.evaluateAll();
		assertThat(getJson("/api/v1/alerts/" + alertId).get("state").asString()).isEqualTo("ACKNOWLEDGED");
		assertThat(numberIds(getJson("/api/v1/alerts?state=ACKNOWLEDGED"))).containsExactly("9001");

		this.clock.advance(Duration.ofDays(2));
		this.scheduler.evaluateAll();

		JsonNode escalated = getJson("/api/v1/alerts/" + alertId);
		assertThat(escalated.get("severity").asString()).isEqualTo("CRITICAL");
		assertThat(escalated.get("state").asString()).isEqualTo("FIRING");
		assertThat(escalated.get("acknowledged_at").isNull()).isTrue();
		assertThat(escalated.get("fired_at").asString()).isEqualTo(this.clock.instant().toString());
	}

	@Test
	void acknowledgementOfASeverityTheAlertEscalatedPastIsRefused() {
		Instant now = this.clock.pin();
		syncNumbers(BUSINESS_1, number("9001", "VERIFIED", now.plus(Duration.ofDays(5))));
		long alertId = getJson("/api/v1/alerts").get("data").get(0).get("id").asLong();
		assertThat(getJson("/api/v1/alerts/" + alertId).get("severity").asString()).isEqualTo("WARNING");
		this.clock.advance(Duration.ofDays(3));
		this.scheduler.evaluateAll();

		MvcTestResult stale = this.mvc.post()
			.uri("/api/v1/alerts/{id}/acknowledge", alertId)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"severity\": \"WARNING\"}")
			.exchange();
		MvcTestResult current = this.mvc.post()
			.uri("/api/v1/alerts/{id}/acknowledge", alertId)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"severity\": \"CRITICAL\"}")
			.exchange();

		assertThat(stale).hasStatus(HttpStatus.CONFLICT)
			.bodyJson()
			.extractingPath("$.detail")
			.asString()
			.contains("escalated from WARNING to CRITICAL");
		assertThat(current).hasStatus(HttpStatus.OK);
		assertThat(getJson("/api/v1/alerts/" + alertId).get("state").asString()).isEqualTo("ACKNOWLEDGED");
		assertThat(this.mvc.post()
			.uri("/api/v1/alerts/{id}/acknowledge", alertId)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"severity\": \"LOUD\"}")
			.exchange()).hasStatus(HttpStatus.BAD_REQUEST);
	}

	@Test
	void alertsApiAnswersBadInputWithProblems() {
		Instant now = this.clock.pin();
		syncNumbers(BUSINESS_1, number("9001", "VERIFIED", now.plus(Duration.ofDays(2))));
		syncNumbers(BUSINESS_1);
		long resolvedId = getJson("/api/v1/alerts?state=RESOLVED").get("data").get(0).get("id").asLong();

		for (String uri : List.of("/api/v1/alerts?severity=URGENT", "/api/v1/alerts?state=OPEN",
				"/api/v1/alerts?severity=", "/api/v1/alerts?limit=0", "/api/v1/alerts?after=bad",
				"/api/v1/alerts/abc")) {
			assertThat(this.mvc.get().uri(uri).exchange()).as(uri)
				.hasStatus(HttpStatus.BAD_REQUEST)
				.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		}
		assertThat(this.mvc.get().uri("/api/v1/alerts/424242").exchange()).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(this.mvc.post().uri("/api/v1/alerts/424242/acknowledge").exchange()).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(this.mvc.post().uri("/api/v1/alerts/{id}/acknowledge", resolvedId).exchange())
			.hasStatus(HttpStatus.CONFLICT);
	}

	@Test
	void refusedNotificationIsRetriedUntilAcceptedOnceWithAValidSignature() {
		webhookReceiver.answer(503, 500);
		// the outbox waits on the clock: it has to run here
		Instant now = Instant.now();
		syncNumbers(BUSINESS_1, number("9001", "VERIFIED", now.plus(Duration.ofDays(2))));

		await().atMost(Duration.ofSeconds(20)).until(() -> webhookReceiver.accepted().size() == 1);

		List<WebhookReceiver.Received> received = webhookReceiver.received();
		assertThat(received).hasSize(3).extracting(WebhookReceiver.Received::status).containsExactly(503, 500, 200);
		assertThat(received).extracting((delivery) -> delivery.header("Idempotency-Key"))
			.doesNotContainNull()
			.containsOnly(received.get(0).header("Idempotency-Key"));
		WebhookReceiver.Received accepted = webhookReceiver.accepted().get(0);
		String timestamp = accepted.header("X-Preverified-Timestamp");
		assertThat(accepted.header("X-Preverified-Signature")).isEqualTo(WebhookSignature.of(WEBHOOK_SECRET,
				Long.parseLong(timestamp), accepted.request().getBody().toByteArray()));
		assertThat(accepted.header("Content-Type")).startsWith("application/json");
		assertThat(accepted.header("Content-Length")).isEqualTo(Integer.toString(accepted.request().getBody().size()));
		JsonNode body = json.readTree(accepted.body());
		// the signed body carries the key, so the signature covers it
		assertThat(body.get("idempotency_key").asString()).isEqualTo(accepted.header("Idempotency-Key"));
		assertThat(body.get("status").asString()).isEqualTo("firing");
		assertThat(body.get("business_id").asString()).isEqualTo(BUSINESS_1);
		JsonNode alert = body.get("alerts").get(0);
		assertThat(alert.get("labels").get("number_id").asString()).isEqualTo("9001");
		assertThat(alert.get("labels").get("severity").asString()).isEqualTo("CRITICAL");
		assertThat(alert.get("labels").get("phone_number").asString()).isEqualTo("+15550009001");
		assertThat(alert.get("labels").get("business_id").asString()).isEqualTo(BUSINESS_1);
		assertThat(Instant.parse(alert.get("starts_at").asString())).isBetween(now, Instant.now());
		assertThat(alert.get("verification_expiry_time").asString())
			.isEqualTo(Instant.ofEpochSecond(now.plus(Duration.ofDays(2)).getEpochSecond()).toString());
		assertThat(accepted.body()).doesNotContain(WEBHOOK_SECRET, TOKEN_1, APP_SECRET);
		// recorded once the receiver's answer is read, a moment after the receiver had it
		await().atMost(Duration.ofSeconds(5))
			.until(() -> this.jdbc.queryForObject("select status from webhook_deliveries", String.class),
					"DELIVERED"::equals);
	}

	@Test
	void deliveryRefusedForGoodEndsDeadAfterFiveRefusalsAndTheBusinessesNextOneIsDelivered() {
		webhookReceiver.answer(400, 400, 400, 400, 400);
		Instant now = Instant.now();
		syncNumbers(BUSINESS_1, number("9001", "VERIFIED", now.plus(Duration.ofDays(2))));
		await().atMost(Duration.ofSeconds(20))
			.until(() -> this.jdbc.queryForObject("select count(*) from webhook_deliveries where status = 'DEAD'",
					Integer.class) == 1);

		syncNumbers(BUSINESS_1, number("9001", "VERIFIED", now.plus(Duration.ofDays(2))),
				number("9002", "VERIFIED", now.plus(Duration.ofDays(5))));
		await().atMost(Duration.ofSeconds(20)).until(() -> webhookReceiver.accepted().size() == 1);

		assertThat(webhookReceiver.received()).extracting(WebhookReceiver.Received::status)
			.containsExactly(400, 400, 400, 400, 400, 200);
		assertThat(labels(json.readTree(webhookReceiver.accepted().get(0).body()), "number_id"))
			.containsExactly("9002");
		JsonNode dead = getJson("/api/v1/webhook-deliveries?state=DEAD").get("data");
		assertThat(dead).hasSize(1);
		assertThat(dead.get(0).get("refusals").asInt()).isEqualTo(5);
		assertThat(dead.get(0).get("last_error").asString()).isEqualTo("HTTP 400");
		assertThat(dead.get(0).get("payload").get("alerts").get(0).get("labels").get("number_id").asString())
			.isEqualTo("9001");
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(
					this.mvc.get().uri("/actuator/prometheus").exchange().getResponse().getContentAsString())
				.contains("preverified_webhook_deliveries_dead 1.0"));

		long deadId = dead.get(0).get("id").asLong();
		MvcTestResult redelivered = this.mvc.post().uri("/api/v1/webhook-deliveries/{id}/redeliver", deadId).exchange();
		assertThat(redelivered).hasStatus(HttpStatus.OK).bodyJson().extractingPath("$.state").isEqualTo("PENDING");
		await().atMost(Duration.ofSeconds(20)).until(() -> webhookReceiver.accepted().size() == 2);
		assertThat(labels(json.readTree(webhookReceiver.accepted().get(1).body()), "number_id"))
			.containsExactly("9001");
		assertThat(getJson("/api/v1/webhook-deliveries?state=DEAD").get("data")).isEmpty();
		assertThat(this.mvc.post().uri("/api/v1/webhook-deliveries/{id}/redeliver", deadId).exchange())
			.hasStatus(HttpStatus.CONFLICT);
		assertThat(this.mvc.post().uri("/api/v1/webhook-deliveries/424242/redeliver").exchange())
			.hasStatus(HttpStatus.NOT_FOUND);
		assertThat(this.mvc.get().uri("/api/v1/webhook-deliveries?state=LOST").exchange())
			.hasStatus(HttpStatus.BAD_REQUEST);
	}

	@Test
	void changesOfOneBusinessGoOutTogetherAndResolutionsAreNotified() {
		Instant now = Instant.now();
		syncNumbers(BUSINESS_1, number("9001", "VERIFIED", now.plus(Duration.ofDays(2))),
				number("9002", "VERIFIED", now.plus(Duration.ofDays(20))));
		syncNumbers(BUSINESS_2, number("m1", "EXPIRED", null));
		syncNumbers(BUSINESS_1, number("9001", "VERIFIED", now.plus(Duration.ofDays(2))),
				number("9002", "VERIFIED", now.plus(Duration.ofDays(20))), number("9003", "VERIFIED", now.plus(DAY)));

		await().atMost(Duration.ofSeconds(20)).until(() -> webhookReceiver.accepted().size() == 2);

		Map<String, JsonNode> byBusiness = new LinkedHashMap<>();
		webhookReceiver.accepted().forEach((delivery) -> {
			JsonNode body = json.readTree(delivery.body());
			byBusiness.put(body.get("business_id").asString(), body);
		});
		assertThat(labels(byBusiness.get(BUSINESS_1), "number_id")).containsExactlyInAnyOrder("9001", "9002", "9003");
		assertThat(labels(byBusiness.get(BUSINESS_2), "number_id")).containsExactly(id("m1"));

		webhookReceiver.reset();
		syncNumbers(BUSINESS_2);
		await().atMost(Duration.ofSeconds(20)).until(() -> webhookReceiver.accepted().size() == 1);
		JsonNode resolved = json.readTree(webhookReceiver.accepted().get(0).body());
		assertThat(resolved.get("status").asString()).isEqualTo("resolved");
		assertThat(resolved.get("alerts").get(0).get("ends_at").isNull()).isFalse();
	}

	@Test
	void expiringNumbersAreGaugedByBusinessAndSeverity() throws Exception {
		Instant now = this.clock.pin();
		syncNumbers(BUSINESS_1, number("9001", "VERIFIED", now.plus(Duration.ofDays(2))),
				number("9002", "VERIFIED", now.plus(Duration.ofDays(2))),
				number("9003", "VERIFIED", now.plus(Duration.ofDays(20))));
		// nothing ahead: expired only
		syncNumbers(BUSINESS_2, number("m1", "EXPIRED", now.minus(Duration.ofDays(1))));

		String metrics = this.mvc.get().uri("/actuator/prometheus").exchange().getResponse().getContentAsString();

		assertThat(metrics)
			.contains("preverified_numbers_expiring{business_id=\"" + BUSINESS_1 + "\",severity=\"CRITICAL\"} 2.0")
			.contains(
					"preverified_numbers_expiring{business_id=\"" + BUSINESS_1 + "\",severity=\"REVERIFY_WINDOW\"} 1.0")
			.contains("preverified_numbers_expiring{business_id=\"" + BUSINESS_1 + "\",severity=\"EXPIRED\"} 0.0")
			.contains("preverified_numbers_expiring{business_id=\"" + BUSINESS_2 + "\",severity=\"EXPIRED\"} 1.0")
			.doesNotContain("preverified_next_expiry_timestamp_seconds{business_id=\"" + BUSINESS_2 + "\"}")
			.containsPattern("preverified_next_expiry_timestamp_seconds\\{business_id=\"" + BUSINESS_1 + "\"} "
					+ String.valueOf((double) now.plus(Duration.ofDays(2)).getEpochSecond())
						.replace(".", "\\.")
						.replace("E", "E"));
	}

	@Test
	void openAlertFollowsItsNumberToAnotherBusiness() {
		Instant now = Instant.now();
		syncNumbers(BUSINESS_1, number("9001", "VERIFIED", now.plus(Duration.ofDays(2))),
				number("9002", "VERIFIED", now.plus(Duration.ofDays(5))));
		long alertId = getJson("/api/v1/alerts?business_id=" + BUSINESS_1 + "&limit=1").get("data")
			.get(0)
			.get("id")
			.asLong();

		syncNumbers(BUSINESS_2, number("9001", "VERIFIED", now.plus(Duration.ofDays(2))));
		syncNumbers(BUSINESS_1, number("9002", "VERIFIED", now.plus(Duration.ofDays(5))));

		JsonNode moved = getJson("/api/v1/alerts/" + alertId);
		assertThat(moved.get("number_id").asString()).isEqualTo("9001");
		assertThat(moved.get("business_id").asString()).isEqualTo(BUSINESS_2);
		assertThat(moved.get("state").asString()).isEqualTo("FIRING");
		assertThat(this.jdbc.queryForObject("select count(*) from alerts where number_id = '9001'", Integer.class))
			.isOne();
		assertThat(getJson("/api/v1/numbers/9001").get("removed_at").isNull()).isTrue();
	}

	@Test
	void acknowledgeRacingAnEvaluationNeverRevivesTheAlertItResolved() throws Exception {
		syncNumbers(BUSINESS_1, number("9001", "VERIFIED", Instant.now().plus(Duration.ofDays(2))));
		long alertId = getJson("/api/v1/alerts?limit=1").get("data").get(0).get("id").asLong();
		DataSource dataSource = this.jdbc.getDataSource();
		try (Connection evaluation = dataSource.getConnection()) {
			evaluation.setAutoCommit(false);
			try (PreparedStatement resolve = evaluation
				.prepareStatement("update alerts set state = 'RESOLVED', resolved_at = now() where id = ?")) {
				resolve.setLong(1, alertId);
				resolve.executeUpdate();
			}
			CompletableFuture<MvcTestResult> acknowledge = CompletableFuture
				.supplyAsync(() -> this.mvc.post().uri("/api/v1/alerts/{id}/acknowledge", alertId).exchange());
			await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> !acknowledge.isDone());
			evaluation.commit();

			assertThat(acknowledge.get(10, TimeUnit.SECONDS)).hasStatus(HttpStatus.CONFLICT);
		}
		assertThat(getJson("/api/v1/alerts/" + alertId).get("state").asString()).isEqualTo("RESOLVED");
	}

	@Test
	void deliveriesOfOneBusinessGoOutInOrderSoAResolutionNeverOvertakesItsFiring() {
		webhookReceiver.answer(503, 503, 503, 503);
		syncNumbers(BUSINESS_1, number("9001", "VERIFIED", Instant.now().plus(Duration.ofDays(2))));
		await().atMost(Duration.ofSeconds(20)).until(() -> !webhookReceiver.received().isEmpty());

		syncNumbers(BUSINESS_1);
		await().atMost(Duration.ofSeconds(30)).until(() -> webhookReceiver.accepted().size() == 2);

		assertThat(this.jdbc.queryForObject("select count(*) from webhook_deliveries", Integer.class)).isEqualTo(2);
		List<String> statuses = webhookReceiver.received()
			.stream()
			.map((delivery) -> json.readTree(delivery.body()).get("status").asString())
			.toList();
		assertThat(statuses).hasSize(6);
		assertThat(statuses.subList(0, 5)).containsOnly("firing");
		assertThat(statuses.get(5)).isEqualTo("resolved");
	}

	@Test
	void receiverAnswering413GetsTheDeliveryInSmallerParts() {
		webhookReceiver.answer(413);
		Instant now = Instant.now();
		syncNumbers(BUSINESS_1, number("9001", "VERIFIED", now.plus(Duration.ofDays(2))),
				number("9002", "VERIFIED", now.plus(Duration.ofDays(3))),
				number("9003", "VERIFIED", now.plus(Duration.ofDays(4))));

		List<String> synced = List.of("9001", "9002", "9003");
		// deliveries of other businesses' alerts (a token another test had rejected) may
		// come too
		await().atMost(Duration.ofSeconds(20))
			.until(() -> carrying(webhookReceiver.accepted(), synced).stream()
				.flatMap((delivery) -> labels(json.readTree(delivery.body()), "number_id").stream())
				.toList()
				.containsAll(synced));

		List<WebhookReceiver.Received> accepted = carrying(webhookReceiver.accepted(), synced);
		assertThat(accepted).hasSize(2);
		List<String> numbers = new ArrayList<>();
		accepted.forEach((delivery) -> numbers.addAll(labels(json.readTree(delivery.body()), "number_id")));
		assertThat(numbers).containsExactlyInAnyOrderElementsOf(synced);
		assertThat(accepted).extracting((delivery) -> delivery.header("Idempotency-Key"))
			.doesNotHaveDuplicates()
			.doesNotContain(webhookReceiver.received().get(0).header("Idempotency-Key"));
	}

	private Map<String, String> severitiesByNumber(String uri) {
		Map<String, String> severities = new LinkedHashMap<>();
		getJson(uri).get("data")
			.forEach((alert) -> severities.put(name(alert.get("number_id").asString()),
					alert.get("severity").asString()));
		return severities;
	}

	private static List<String> numberIds(JsonNode page) {
		List<String> ids = new ArrayList<>();
		page.get("data").forEach((alert) -> ids.add(name(alert.get("number_id").asString())));
		return ids;
	}

	private static List<WebhookReceiver.Received> carrying(List<WebhookReceiver.Received> deliveries,
			List<String> numberIds) {
		return deliveries.stream()
			.filter((delivery) -> labels(json.readTree(delivery.body()), "number_id").stream()
				.anyMatch(numberIds::contains))
			.toList();
	}

	private static List<String> labels(JsonNode body, String label) {
		List<String> values = new ArrayList<>();
		body.get("alerts").forEach((alert) -> values.add(alert.get("labels").get(label).asString()));
		return values;
	}

}
