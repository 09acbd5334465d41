package io.preverified.sync;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.preverified.IntegrationTests;
import io.preverified.graphapi.DemoInventory;
import io.preverified.graphapi.FakeGraphApi;
import io.preverified.graphapi.GraphApiFaults;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs against a Graph API that fails, throttles, resets connections and answers slowly,
 * as the real one does in production.
 */
class SyncResilienceIntegrationTests extends IntegrationTests {

	private static final Logger logger = LoggerFactory.getLogger(SyncResilienceIntegrationTests.class);

	@Test
	void syncThroughEveryKindOfTransientFaultStillStoresExactlyUpstreamsNumbers() {
		List<Map<String, Object>> inventory = DemoInventory.generate(BUSINESS_1, "First", 2345, Instant.now());
		graphApi.business(BUSINESS_1, TOKEN_1, inventory);
		graphApi.intercept((call, request) -> {
			if (call == 3) {
				return FakeGraphApi.page(graphApi, request).newBuilder().headersDelay(2, TimeUnit.SECONDS).build();
			}
			if (call == 9) {
				return new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket(true, false, false))
					.build();
			}
			if (call % 11 == 0) {
				return new MockResponse.Builder().code(502)
					.setHeader("Content-Type", "text/html")
					.body("<html><body><h1>502 Bad Gateway</h1></body></html>")
					.build();
			}
			if (call % 7 == 0) {
				return GraphApiFaults.throttled(80008, 1);
			}
			if (call % 5 == 0) {
				return GraphApiFaults.errorWith(500, Map.of("message", "An unexpected error has occurred.", "type",
						"OAuthException", "code", 2, "is_transient", true, "fbtrace_id", "AFault"));
			}
			return null;
		});

		long started = System.nanoTime();
		JsonNode run = syncAndWait(BUSINESS_1);
		long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

		logger.info("Fault-injected sync of 2,345 numbers: {} upstream calls for 24 pages in {} ms",
				graphApi.requests().size(), millis);
		assertThat(run.get("status").asString()).isEqualTo("SUCCEEDED");
		assertThat(run.get("pages").asInt()).isEqualTo(24);
		assertThat(run.get("inserted").asInt()).isEqualTo(2345);
		Set<String> stored = Set.copyOf(this.jdbc.queryForList("select id from numbers", String.class));
		assertThat(stored)
			.isEqualTo(inventory.stream().map((number) -> (String) number.get("id")).collect(Collectors.toSet()));
		assertThat(graphApi.requests()).hasSizeGreaterThan(24)
			.allSatisfy((request) -> assertThat(request.getUrl().queryParameter("access_token")).isNull());
		// throttled calls waited the minute upstream asked for (pauses are recorded, not
		// slept)
		assertThat(this.pauses.recorded())
			.anySatisfy((pause) -> assertThat(pause).isCloseTo(Duration.ofMinutes(1), Duration.ofSeconds(5)));
	}

	@Test
	void wrongTokenFailsItsBusinessAfterOneCallAndLeavesTheOthersAlone() {
		graphApi.business(BUSINESS_1, TOKEN_1, DemoInventory.generate(BUSINESS_1, "First", 150, Instant.now()));
		graphApi.business(BUSINESS_2, "a-revoked-token", List.of());

		JsonNode failed = syncAndWait(BUSINESS_2);
		JsonNode succeeded = syncAndWait(BUSINESS_1);

		assertThat(failed.get("status").asString()).isEqualTo("FAILED");
		assertThat(failed.get("error").get("code").asInt()).isEqualTo(190);
		assertThat(failed.get("error").get("attempts").asInt()).isOne();
		assertThat(failed.get("error").get("circuit_open").asBoolean()).isFalse();
		assertThat(graphApi.requestsFor(BUSINESS_2)).hasSize(1);
		assertThat(succeeded.get("status").asString()).isEqualTo("SUCCEEDED");
		assertThat(succeeded.get("inserted").asInt()).isEqualTo(150);
	}

	@Test
	void businessWhoseCallsKeepFailingIsSuspendedByItsCircuit() throws Exception {
		graphApi.business(BUSINESS_2, "a-revoked-token", List.of());
		for (int run = 0; run < 3; run++) {
			assertThat(syncAndWait(BUSINESS_2).get("error").get("circuit_open").asBoolean()).isFalse();
		}

		JsonNode suspended = syncAndWait(BUSINESS_2);

		assertThat(suspended.get("status").asString()).isEqualTo("FAILED");
		assertThat(suspended.get("error").get("circuit_open").asBoolean()).isTrue();
		assertThat(suspended.get("error").get("attempts").asInt()).isZero();
		assertThat(suspended.get("error").get("message").asString()).contains("circuit open");
		assertThat(graphApi.requestsFor(BUSINESS_2)).hasSize(3);
		assertThat(this.mvc.get().uri("/actuator/prometheus").exchange().getResponse().getContentAsString())
			.containsPattern("resilience4j_circuitbreaker_state\\{[^}]*name=\"graph-api-" + BUSINESS_2
					+ "\"[^}]*state=\"open\"[^}]*\\} 1.0");
	}

	@Test
	void syncAskedForLessDataHalvesThePageSizeAndCompletes() {
		graphApi.business(BUSINESS_1, TOKEN_1, DemoInventory.generate(BUSINESS_1, "First", 120, Instant.now()));
		graphApi.maxLimit(30);

		JsonNode run = syncAndWait(BUSINESS_1);

		assertThat(run.get("status").asString()).isEqualTo("SUCCEEDED");
		assertThat(run.get("page_size").asInt()).isEqualTo(25);
		assertThat(run.get("pages").asInt()).isEqualTo(5);
		assertThat(run.get("inserted").asInt()).isEqualTo(120);
	}

	@Test
	void slowBusinessDoesNotDelayAnother() throws Exception {
		graphApi.business(BUSINESS_1, TOKEN_1, DemoInventory.generate(BUSINESS_1, "First", 10, Instant.now()));
		graphApi.business(BUSINESS_2, TOKEN_2, DemoInventory.generate(BUSINESS_2, "Second", 10, Instant.now()));
		CountDownLatch slowUpstream = new CountDownLatch(1);
		graphApi.intercept((call, request) -> {
			if (request.getUrl().encodedPath().contains(BUSINESS_1)) {
				awaitQuietly(slowUpstream);
			}
			return null;
		});
		long slowRun = json
			.readTree(this.mvc.post()
				.uri("/api/v1/businesses/{id}/sync", BUSINESS_1)
				.exchange()
				.getResponse()
				.getContentAsByteArray())
			.get("id")
			.asLong();

		JsonNode fast = syncAndWait(BUSINESS_2);

		assertThat(fast.get("status").asString()).isEqualTo("SUCCEEDED");
		assertThat(getJson("/api/v1/sync-runs/" + slowRun).get("status").asString()).isEqualTo("RUNNING");
		slowUpstream.countDown();
		assertThat(awaitRunEnd(slowRun).get("status").asString()).isEqualTo("SUCCEEDED");
	}

	@Test
	void graphApiCallsAreMeasuredByBusinessAndOutcome() throws Exception {
		graphApi.business(BUSINESS_3, TOKEN_3, DemoInventory.generate(BUSINESS_3, "Third", 10, Instant.now()));
		double throttledBefore = requests(BUSINESS_3, "throttled");
		double succeededBefore = requests(BUSINESS_3, "success");
		graphApi.intercept((call, request) -> (call == 1) ? GraphApiFaults.throttled(80008, 1) : null);

		syncAndWait(BUSINESS_3);

		assertThat(requests(BUSINESS_3, "throttled")).isEqualTo(throttledBefore + 1);
		assertThat(requests(BUSINESS_3, "success")).isEqualTo(succeededBefore + 1);
		assertThat(prometheus()).contains("preverified_graph_api_usage_percent{business_id=\"" + BUSINESS_3 + "\"} 100")
			.containsPattern("resilience4j_retry_calls_total\\{[^}]*name=\"graph-api-" + BUSINESS_3 + "\"")
			.containsPattern("resilience4j_circuitbreaker_state\\{[^}]*name=\"graph-api-" + BUSINESS_3 + "\"");
	}

	private double requests(String businessId, String outcome) throws Exception {
		Matcher count = Pattern
			.compile("preverified_graph_api_requests_seconds_count\\{business_id=\"" + businessId + "\",outcome=\""
					+ outcome + "\"\\} ([0-9.E]+)")
			.matcher(prometheus());
		return count.find() ? Double.parseDouble(count.group(1)) : 0;
	}

	private String prometheus() throws Exception {
		MvcTestResult result = this.mvc.get().uri("/actuator/prometheus").exchange();
		assertThat(result).hasStatus(HttpStatus.OK);
		return result.getResponse().getContentAsString();
	}

	private static void awaitQuietly(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
