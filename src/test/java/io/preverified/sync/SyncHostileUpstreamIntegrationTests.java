package io.preverified.sync;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.preverified.IntegrationTests;
import io.preverified.graphapi.DemoInventory;
import io.preverified.graphapi.GraphApiFaults;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs against an upstream that answers what it should not: bodies that are not pages,
 * records that cannot be read, cursors that go round, pools that seem to empty at once.
 * None of it may cost the inventory a number.
 */
@ExtendWith(OutputCaptureExtension.class)
class SyncHostileUpstreamIntegrationTests extends IntegrationTests {

	private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

	@Test
	void successWhoseBodyIsNotAPageFailsTheRunAndRemovesNothing() {
		graphApi.business(BUSINESS_1, TOKEN_1, DemoInventory.generate(BUSINESS_1, "First", 150, NOW));
		syncAndWait(BUSINESS_1);
		long firing = openAlerts();
		for (MockResponse notAPage : List.of(GraphApiFaults.json(200, Map.of()),
				GraphApiFaults.json(200, Map.of("error",
						Map.of("message", "An unexpected error has occurred. Please retry your request later.", "type",
								"OAuthException", "code", 2, "is_transient", true, "fbtrace_id", "AxHostile"))),
				new MockResponse.Builder().code(200)
					.setHeader("Content-Type", "text/html")
					.body("<html><body>Please wait</body></html>")
					.build())) {
			graphApi.intercept((call, request) -> notAPage);

			JsonNode run = syncAndWait(BUSINESS_1);

			assertThat(run.get("status").asString()).isEqualTo("FAILED");
			assertThat(run.get("removed").asInt()).isZero();
			assertThat(listed()).isEqualTo(150);
			assertThat(openAlerts()).isEqualTo(firing);
		}
	}

	@Test
	void legitimatelyEmptySmallPoolIsRemovedAtOnce() {
		graphApi.business(BUSINESS_1, TOKEN_1, DemoInventory.generate(BUSINESS_1, "First", 3, NOW));
		syncAndWait(BUSINESS_1);
		graphApi.business(BUSINESS_1, TOKEN_1, List.of());

		JsonNode run = syncAndWait(BUSINESS_1);

		assertThat(run.get("removed").asInt()).isEqualTo(3);
		assertThat(run.get("removals_held").asInt()).isZero();
		assertThat(listed()).isZero();
	}

	@Test
	void poolOf300ThatSeemsToEmptyIsHeldThenRemovedWhenTheNextRunConfirms() throws Exception {
		graphApi.business(BUSINESS_1, TOKEN_1, DemoInventory.generate(BUSINESS_1, "First", 300, NOW));
		syncAndWait(BUSINESS_1);
		long firing = openAlerts();
		graphApi.business(BUSINESS_1, TOKEN_1, List.of());

		JsonNode held = syncAndWait(BUSINESS_1);

		assertThat(held.get("status").asString()).isEqualTo("SUCCEEDED");
		assertThat(held.get("removed").asInt()).isZero();
		assertThat(held.get("removals_held").asInt()).isEqualTo(300);
		assertThat(listed()).isEqualTo(300);
		assertThat(openAlerts()).isEqualTo(firing);
		assertThat(this.mvc.get().uri("/actuator/prometheus").exchange().getResponse().getContentAsString())
			.contains("preverified_sync_removals_held{business_id=\"" + BUSINESS_1 + "\"} 300.0");

		JsonNode confirmed = syncAndWait(BUSINESS_1);

		assertThat(confirmed.get("removed").asInt()).isEqualTo(300);
		assertThat(confirmed.get("removals_held").asInt()).isZero();
		assertThat(listed()).isZero();
	}

	@Test
	void heldNumbersThatComeBackAreNotRemoved() {
		List<Map<String, Object>> inventory = DemoInventory.generate(BUSINESS_1, "First", 100, NOW);
		graphApi.business(BUSINESS_1, TOKEN_1, inventory);
		syncAndWait(BUSINESS_1);
		graphApi.business(BUSINESS_1, TOKEN_1, inventory.subList(0, 20));
		assertThat(syncAndWait(BUSINESS_1).get("removals_held").asInt()).isEqualTo(80);
		List<Map<String, Object>> back = new ArrayList<>(inventory.subList(0, 95));
		graphApi.business(BUSINESS_1, TOKEN_1, back);

		JsonNode run = syncAndWait(BUSINESS_1);

		assertThat(run.get("removed").asInt()).isEqualTo(5);
		assertThat(run.get("removals_held").asInt()).isZero();
		assertThat(listed()).isEqualTo(95);
		assertThat(this.jdbc.queryForObject("select count(*) from numbers where removal_held", Integer.class)).isZero();
	}

	@Test
	void recordsWithTimesInAnyUnitAreStoredAndUnreadableOnesCountedAsMalformed() {
		long expiry = NOW.plus(20, ChronoUnit.DAYS).getEpochSecond();
		graphApi.business(BUSINESS_1, TOKEN_1,
				List.of(SyncIntegrationTests.number("1", "+15551230001", "VERIFIED", (expiry - 7_776_000) * 1000,
						expiry * 1000),
						SyncIntegrationTests.number("2", "+15551230002", "VERIFIED", null, expiry * 1_000_000),
						SyncIntegrationTests.number("3", "+15551230003", "VERIFIED", null, expiry + ".5"),
						SyncIntegrationTests.number("4", "+15551230004", "VERIFIED", null, 1e300),
						SyncIntegrationTests.number("5", "+15551230005", "VERIFIED", null, -1),
						SyncIntegrationTests.number("6", "+15551230006", "VERIFIED", null, "next tuesday")));

		JsonNode run = syncAndWait(BUSINESS_1);

		assertThat(run.get("status").asString()).isEqualTo("SUCCEEDED");
		assertThat(run.get("inserted").asInt()).isEqualTo(6);
		assertThat(run.get("malformed").asInt()).isEqualTo(3);
		for (String id : List.of("1", "2")) {
			assertThat(getJson("/api/v1/numbers/" + id).get("verification_expiry_time").asString())
				.isEqualTo(Instant.ofEpochSecond(expiry).toString());
		}
		for (String id : List.of("4", "5", "6")) {
			assertThat(getJson("/api/v1/numbers/" + id).get("verification_expiry_time").isNull()).isTrue();
		}
		assertThat(getJson("/api/v1/alerts?limit=10").get("data"))
			.extracting((alert) -> alert.get("number_id").asString())
			.contains("1", "2", "3");
	}

	@Test
	void cursorCycleOfPeriodTwoFailsTheRunWithinAFewPages() {
		graphApi.business(BUSINESS_1, TOKEN_1, DemoInventory.generate(BUSINESS_1, "First", 20, NOW));
		syncAndWait(BUSINESS_1);
		graphApi.intercept((call, request) -> {
			String cursor = "a".equals(request.getUrl().queryParameter("after")) ? "b" : "a";
			return GraphApiFaults.json(200, Map.of("data",
					List.of(SyncIntegrationTests.number("900" + call, "+1555123000" + call, "VERIFIED", null, null)),
					"paging", Map.of("cursors", Map.of("after", cursor), "next", graphApi.baseUrl() + "/next")));
		});

		JsonNode run = syncAndWait(BUSINESS_1);

		assertThat(run.get("status").asString()).isEqualTo("FAILED");
		assertThat(run.get("error").get("message").asString()).contains("earlier page");
		assertThat(graphApi.requestsFor(BUSINESS_1)).hasSize(1 + 3);
		assertThat(run.get("removed").asInt()).isZero();
		assertThat(this.jdbc.queryForObject("select count(*) from numbers where removed_at is not null", Long.class))
			.isZero();
	}

	@Test
	void recordsWithHostileTextNeverFailTheirPageAndAreStoredBounded(CapturedOutput output) {
		List<Map<String, Object>> inventory = new ArrayList<>(DemoInventory.generate(BUSINESS_1, "First", 150, NOW));
		inventory.add(10, SyncIntegrationTests.number("9".repeat(5000), "+15551239999", "VERIFIED", null, null));
		inventory.add(20, SyncIntegrationTests.number("12ab\u001b[31m", "+15551239998", "VERIFIED", null, null));
		Map<String, Object> longText = SyncIntegrationTests.number("777", "+1555" + "1".repeat(10_000), "VERIFIED",
				null, null);
		longText.put("owner_business",
				Map.of("id", "42", "name", "Evil\r\nINFO forged log line\u0007" + "x".repeat(1000)));
		inventory.add(30, longText);
		graphApi.business(BUSINESS_1, TOKEN_1, inventory);

		JsonNode run = syncAndWait(BUSINESS_1);

		assertThat(run.get("status").asString()).isEqualTo("SUCCEEDED");
		assertThat(run.get("inserted").asInt()).isEqualTo(151);
		assertThat(run.get("skipped").asInt()).isEqualTo(2);
		assertThat(run.get("malformed").asInt()).isEqualTo(2);
		assertThat(listed()).isEqualTo(151);
		Map<String, Object> stored = this.jdbc.queryForMap(
				"select length(phone_number) as phone, owner_business_name as name from numbers where id = '777'");
		assertThat(stored.get("phone")).isEqualTo(256);
		assertThat((String) stored.get("name")).hasSize(256)
			.startsWith("Evil\\u000d\\u000aINFO")
			.doesNotContain("\r", "\n");
		assertThat(output.getAll()).contains("(5000 characters)")
			.doesNotContain("9".repeat(100), "\u001b[31m", "\r\nINFO forged");
	}

	@Test
	void errorMessageOfMegabytesIsStoredAndServedCut() {
		graphApi.business(BUSINESS_1, TOKEN_1, DemoInventory.generate(BUSINESS_1, "First", 10, NOW));
		String huge = "Invalid parameter \u0000" + "z".repeat(3 * 1024 * 1024);
		graphApi.intercept((call, request) -> GraphApiFaults.json(400,
				Map.of("error", Map.of("message", huge, "type", "OAuthException", "code", 100, "fbtrace_id", "Ax"))));

		JsonNode run = syncAndWait(BUSINESS_1);

		assertThat(run.get("status").asString()).isEqualTo("FAILED");
		assertThat(run.get("error").get("message").asString()).hasSize(2000).startsWith("Invalid parameter \\u0000z");
		assertThat(this.mvc.get().uri("/api/v1/sync-runs").exchange().getResponse().getContentAsByteArray())
			.hasSizeLessThan(10_000);
	}

	private long listed() {
		return this.jdbc.queryForObject("select count(*) from numbers where business_id = ? and removed_at is null",
				Long.class, BUSINESS_1);
	}

	private long openAlerts() {
		return this.jdbc.queryForObject("select count(*) from alerts where state <> 'RESOLVED'", Long.class);
	}

}
