package io.preverified.actions;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.preverified.IsolatedServices;
import io.preverified.TestServices;
import io.preverified.graphapi.DemoInventory;
import io.preverified.graphapi.FakeGraphApi;
import io.preverified.graphapi.GraphApiFaults;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Actions raced by parallel clients over real HTTP, against two replicas on one database
 * and a slow fake Graph API: the limits hold however many requests arrive at once, every
 * request sent upstream ends with a record, and a number being deleted is never reserved.
 */
class ActionRacesIntegrationTests {

	private static final Logger logger = LoggerFactory.getLogger(ActionRacesIntegrationTests.class);

	private static final String BUSINESS = "7401";

	@RegisterExtension
	static final TestServices testServices = new TestServices();

	private static final FakeGraphApi graphApi = testServices.graphApi();

	private static final JsonMapper json = JsonMapper.builder().build();

	private static List<ConfigurableApplicationContext> replicas;

	private static JdbcTemplate jdbc;

	private final HttpClient http = HttpClient.newHttpClient();

	@BeforeAll
	static void startTwoReplicas() {
		graphApi.business(BUSINESS, "token-" + BUSINESS, DemoInventory.generate(BUSINESS, "Races", 40, Instant.now()));
		IsolatedServices services = testServices.isolated("action_races");
		jdbc = services.jdbc();
		String[] properties = { "preverified.businesses[0].id=" + BUSINESS,
				"preverified.businesses[0].access-token=token-" + BUSINESS, "preverified.sync.initial-delay=0s",
				"preverified.sync.interval=1h", "preverified.api.anonymous-writes=true" };
		replicas = services.startTwoReplicasSynced(properties);
	}

	@AfterAll
	static void stopReplicas() {
		IsolatedServices.stop(replicas);
	}

	@BeforeEach
	void resetUpstream() {
		graphApi.intercept((call, request) -> null);
	}

	@Test
	void tenParallelCodeRequestsForOneNumberSendAtMostTheLimitUpstream() throws Exception {
		String number = numberWithStatus("NOT_VERIFIED", 0);
		graphApi.slowDown(Duration.ofMillis(500), "/request_code");

		List<HttpResponse<String>> responses = parallel(10,
				(i) -> post(i, "/api/v1/numbers/" + number + "/request-code", ""));

		logger.info(
				"10 parallel code requests for number {} on two replicas: answers {}, {} reached upstream, "
						+ "recorded {}",
				number, responses.stream().map(HttpResponse::statusCode).sorted().toList(),
				upstreamCalls(number, "/request_code"), attempts(number));
		assertThat(responses).extracting(HttpResponse::statusCode).containsOnly(202, 429);
		assertThat(responses).filteredOn((response) -> response.statusCode() == 202).hasSize(3);
		assertThat(graphApi.codesSent(number)).isEqualTo(3);
		assertThat(upstreamCalls(number, "/request_code")).isEqualTo(3);
		assertThat(attempts(number)).containsOnly("REQUEST_CODE SUCCEEDED").hasSize(3);
	}

	@Test
	void codeRequestWithoutAReadableAnswerIsRecordedAsFailedAndCountsAgainstTheLimit() throws Exception {
		String number = numberWithStatus("NOT_VERIFIED", 1);
		graphApi.intercept((call, request) -> request.getUrl().encodedPath().endsWith("/request_code")
				? new MockResponse.Builder().code(200)
					.setHeader("Content-Type", "text/html")
					.body("<html>ok</html>")
					.build()
				: null);

		HttpResponse<String> notJson = post(0, "/api/v1/numbers/" + number + "/request-code", "");

		assertThat(notJson.statusCode()).isEqualTo(502);
		assertThat(json.readTree(notJson.body()).get("detail").asString()).contains("may have acted");
		assertThat(attempts(number)).containsExactly("REQUEST_CODE FAILED");
		graphApi.intercept((call, request) -> null);
		assertThat(post(1, "/api/v1/numbers/" + number + "/request-code", "").statusCode()).isEqualTo(202);
		assertThat(post(0, "/api/v1/numbers/" + number + "/request-code", "").statusCode()).isEqualTo(202);
		assertThat(post(1, "/api/v1/numbers/" + number + "/request-code", "").statusCode()).isEqualTo(429);
	}

	@Test
	void verificationsPerNumberAreLimitedToFiveWithinTheWindow() throws Exception {
		String number = numberWithStatus("NOT_VERIFIED", 2);
		assertThat(post(0, "/api/v1/numbers/" + number + "/request-code", "").statusCode()).isEqualTo(202);
		String wrong = graphApi.lastCode(number).orElseThrow().equals("271828") ? "314159" : "271828";

		List<HttpResponse<String>> responses = parallel(8,
				(i) -> post(i, "/api/v1/numbers/" + number + "/verify-code", "{\"code\": \"" + wrong + "\"}"));

		assertThat(responses).filteredOn((response) -> response.statusCode() == 422).hasSize(5);
		assertThat(responses).filteredOn((response) -> response.statusCode() == 429).hasSize(3);
		assertThat(upstreamCalls(number, "/verify_code")).isEqualTo(5);
	}

	@Test
	void numberBeingDeletedIsNeverReservedAndComesBackWhenUpstreamRefuses() throws Exception {
		int verified = jdbc.queryForObject(
				"""
						select count(*) from numbers where removed_at is null and code_verification_status = 'VERIFIED'
						and verification_expiry_time > now() + interval '7 days' and (held_until is null or held_until < now())""",
				Integer.class);
		String number = jdbc.queryForObject("""
				select min(id) from numbers where removed_at is null and code_verification_status = 'VERIFIED'
				and verification_expiry_time > now() + interval '7 days'""", String.class);
		graphApi.intercept((call, request) -> ("DELETE".equals(request.getMethod()))
				? GraphApiFaults.error(400, 100, "OAuthException", "(#100) Invalid parameter")
					.newBuilder()
					.headersDelay(1500, TimeUnit.MILLISECONDS)
					.build()
				: null);

		CompletableFuture<HttpResponse<String>> delete = CompletableFuture.supplyAsync(() -> send(0,
				HttpRequest.newBuilder(URI.create(base(0) + "/api/v1/numbers/" + number)).DELETE().build()));
		await().atMost(Duration.ofSeconds(5))
			.until(() -> jdbc.queryForObject("select deleting_until is not null from numbers where id = ?",
					Boolean.class, number));
		HttpResponse<String> all = post(1, "/api/v1/reservations", "{\"count\": " + verified + "}");
		HttpResponse<String> allButOne = post(1, "/api/v1/reservations", "{\"count\": " + (verified - 1) + "}");

		assertThat(all.statusCode()).isEqualTo(409);
		assertThat(allButOne.statusCode()).isEqualTo(201);
		assertThat(json.readTree(allButOne.body()).get("numbers").toString()).doesNotContain("\"" + number + "\"");
		assertThat(delete.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(502);
		release(json.readTree(allButOne.body()).get("id").asLong());
		HttpResponse<String> afterRefusal = post(0, "/api/v1/reservations", "{\"count\": " + verified + "}");
		assertThat(afterRefusal.statusCode()).isEqualTo(201);
		assertThat(json.readTree(afterRefusal.body()).get("numbers").toString()).contains("\"" + number + "\"");
		release(json.readTree(afterRefusal.body()).get("id").asLong());
	}

	private void release(long reservationId) {
		assertThat(post(0, "/api/v1/reservations/" + reservationId + "/release", "").statusCode()).isEqualTo(200);
	}

	private static String numberWithStatus(String status, int index) {
		return jdbc
			.queryForList("select id from numbers where code_verification_status = ? order by id", String.class, status)
			.get(index);
	}

	private static long upstreamCalls(String number, String pathEnd) {
		return graphApi.requests()
			.stream()
			.filter((request) -> request.getUrl().encodedPath().endsWith(number + pathEnd))
			.count();
	}

	private static List<String> attempts(String number) {
		return jdbc.queryForList("select action || ' ' || outcome from verification_attempts where number_id = ?",
				String.class, number);
	}

	private static List<HttpResponse<String>> parallel(int count, Request request) throws Exception {
		ExecutorService clients = Executors.newFixedThreadPool(count);
		try {
			List<Callable<HttpResponse<String>>> calls = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				int replica = i % 2;
				calls.add(() -> request.send(replica));
			}
			List<HttpResponse<String>> responses = new ArrayList<>();
			for (Future<HttpResponse<String>> response : clients.invokeAll(calls)) {
				responses.add(response.get());
			}
			return responses;
		}
		finally {
			clients.shutdown();
		}
	}

	private HttpResponse<String> post(int replica, String path, String body) {
		return send(replica,
				HttpRequest.newBuilder(URI.create(base(replica) + path))
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString(body))
					.build());
	}

	private HttpResponse<String> send(int replica, HttpRequest request) {
		try {
			return this.http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String base(int replica) {
		return IsolatedServices.baseUrl(replicas.get(replica));
	}

	@FunctionalInterface
	private interface Request {

		HttpResponse<String> send(int replica) throws Exception;

	}

}
