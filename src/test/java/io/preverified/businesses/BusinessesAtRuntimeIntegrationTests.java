package io.preverified.businesses;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import io.preverified.IsolatedServices;
import io.preverified.TestServices;
import io.preverified.graphapi.DemoInventory;
import io.preverified.graphapi.FakeGraphApi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.awaitility.Awaitility.await;

/**
 * Businesses added, rotated, paused and removed at runtime, over real HTTP, on two
 * replicas of one database: a token upstream refuses is not kept, an added business syncs
 * and shows on the other replica within seconds, its token is stored in no readable form,
 * a revoked token shows as REJECTED, a paused business is not called, a removed one ends
 * its alerts and reservations and keeps its numbers; the configuration's business is
 * read-only; a restart with another key is refused, with the previous key beside it the
 * tokens are encrypted again.
 */
@Execution(ExecutionMode.CONCURRENT)
class BusinessesAtRuntimeIntegrationTests {

	private static final String CONFIGURED = "7801";

	private static final String ADDED = "7802";

	private static final String REVOKED = "7803";

	private static final String KEY = key(7);

	private static final JsonMapper json = JsonMapper.builder().build();

	@RegisterExtension
	static final TestServices testServices = new TestServices();

	private static final FakeGraphApi graphApi = testServices.graphApi();

	private static List<ConfigurableApplicationContext> replicas;

	private static JdbcTemplate jdbc;

	@BeforeAll
	static void startTwoReplicas() {
		Instant now = Instant.now();
		graphApi.business(CONFIGURED, "token-" + CONFIGURED, DemoInventory.generate(CONFIGURED, "Configured", 20, now));
		graphApi.business(ADDED, "EAAG-token-of-" + ADDED, DemoInventory.generate(ADDED, "Added", 30, now));
		graphApi.business(REVOKED, "EAAG-token-of-" + REVOKED, DemoInventory.generate(REVOKED, "Revoked", 10, now));
		IsolatedServices services = testServices.isolated("businesses_at_runtime");
		jdbc = services.jdbc();
		replicas = services.startTwoReplicasSynced(properties(KEY, null));
	}

	@AfterAll
	static void stopReplicas() {
		IsolatedServices.stop(replicas);
	}

	@Test
	void aBusinessIsAddedWithItsRightTokenOnlyThenSyncsAndShowsOnTheOtherReplica() throws Exception {
		HttpResponse<String> wrong = send("POST", replicas.get(0), "/api/v1/businesses",
				"{\"id\": \"" + ADDED + "\", \"name\": \"Added\", \"access_token\": \"EAAG-wrong\"}");
		assertThat(wrong.statusCode()).isEqualTo(422);
		assertThat(json.readTree(wrong.body()).get("code").asInt()).isEqualTo(190);
		assertThat(wrong.body()).doesNotContain("EAAG-wrong");
		assertThat(jdbc.queryForObject("select count(*) from businesses where id = ?", Integer.class, ADDED)).isZero();

		HttpResponse<String> added = send("POST", replicas.get(0), "/api/v1/businesses",
				"{\"id\": \"" + ADDED + "\", \"name\": \"Added\", \"access_token\": \"EAAG-token-of-" + ADDED + "\"}");

		assertThat(added.statusCode()).isEqualTo(201);
		JsonNode business = json.readTree(added.body());
		assertThat(business.get("source").asString()).isEqualTo("API");
		assertThat(business.get("token_status").asString()).isEqualTo("VALID");
		assertThat(added.body()).doesNotContain("EAAG-token");
		await().atMost(Duration.ofSeconds(10)).until(() -> listed(replicas.get(1)).containsKey(ADDED));
		await().atMost(Duration.ofSeconds(30))
			.until(() -> jdbc.queryForObject(
					"select count(*) from sync_runs where business_id = ? and status = 'SUCCEEDED'", Integer.class,
					ADDED) > 0);
		assertThat(listed(replicas.get(1)).get(ADDED).at("/numbers/total").asInt()).isEqualTo(30);
		Map<String, Object> stored = jdbc.queryForMap("select * from businesses where id = ?", ADDED);
		String ciphertext = (String) stored.get("token_ciphertext");
		assertThat(stored.toString()).doesNotContain("EAAG-token");
		assertThat(new String(Base64.getDecoder().decode(ciphertext), StandardCharsets.ISO_8859_1))
			.doesNotContain("EAAG-token");
		assertThat(send("POST", replicas.get(1), "/api/v1/businesses",
				"{\"id\": \"" + ADDED + "\", \"access_token\": \"EAAG-token-of-" + ADDED + "\"}")
			.statusCode()).isEqualTo(409);
	}

	@Test
	void aBusinessIsRotatedPausedResumedAndRemovedAtRuntime() throws Exception {
		String id = "7804";
		graphApi.business(id, "EAAG-first-" + id, DemoInventory.generate(id, "Lifecycle", 15, Instant.now()));
		assertThat(send("POST", replicas.get(0), "/api/v1/businesses",
				"{\"id\": \"" + id + "\", \"access_token\": \"EAAG-first-" + id + "\"}")
			.statusCode()).isEqualTo(201);
		await().atMost(Duration.ofSeconds(30)).until(() -> succeededRuns(id) > 0);

		// rotated: upstream now takes only the new token, and the next run carries it
		graphApi.business(id, "EAAG-second-" + id, graphApi.numbers(id));
		HttpResponse<String> rotated = send("PATCH", replicas.get(1), "/api/v1/businesses/" + id,
				"{\"access_token\": \"EAAG-second-" + id + "\", \"name\": \"Rotated\"}");
		assertThat(rotated.statusCode()).isEqualTo(200);
		assertThat(json.readTree(rotated.body()).get("name").asString()).isEqualTo("Rotated");
		await().atMost(Duration.ofSeconds(10))
			.until(() -> "Rotated".equals(listed(replicas.get(0)).get(id).get("name").asString()));
		int before = succeededRuns(id);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> send("POST", replicas.get(0), "/api/v1/businesses/" + id + "/sync", "").statusCode() == 202);
		await().atMost(Duration.ofSeconds(30)).until(() -> succeededRuns(id) > before);

		// paused: both replicas know, runs and code requests are refused, nothing calls
		// upstream
		assertThat(send("PATCH", replicas.get(0), "/api/v1/businesses/" + id, "{\"paused\": true}").statusCode())
			.isEqualTo(200);
		await().atMost(Duration.ofSeconds(10)).until(() -> listed(replicas.get(1)).get(id).get("paused").asBoolean());
		String number = anyNumberOf(id);
		int calls = callsFor(id, number);
		HttpResponse<String> refused = send("POST", replicas.get(1), "/api/v1/businesses/" + id + "/sync", "");
		assertThat(refused.statusCode()).isEqualTo(409);
		assertThat(refused.body()).contains("paused");
		assertThat(send("POST", replicas.get(0), "/api/v1/numbers/" + number + "/request-code", "{}").statusCode())
			.isEqualTo(409);
		assertThat(callsFor(id, number)).isEqualTo(calls);
		assertThat(send("PATCH", replicas.get(1), "/api/v1/businesses/" + id, "{\"paused\": false}").statusCode())
			.isEqualTo(200);

		// removed: its alerts and reservations end, its numbers stay
		HttpResponse<String> held = send("POST", replicas.get(0), "/api/v1/reservations",
				"{\"business_id\": \"" + id + "\", \"count\": 1, \"valid_for\": \"P1D\"}");
		assertThat(held.statusCode()).isEqualTo(201);
		long reservation = json.readTree(held.body()).get("id").asLong();
		assertThat(send("DELETE", replicas.get(1), "/api/v1/businesses/" + id, null).statusCode()).isEqualTo(200);

		await().atMost(Duration.ofSeconds(10)).until(() -> !listed(replicas.get(0)).containsKey(id));
		assertThat(jdbc.queryForObject("select state from reservations where id = ?", String.class, reservation))
			.isEqualTo("RELEASED");
		assertThat(jdbc.queryForObject("select count(*) from alerts where business_id = ? and state <> 'RESOLVED'",
				Integer.class, id))
			.isZero();
		assertThat(jdbc.queryForObject("select count(*) from numbers where business_id = ? and removed_at is null",
				Integer.class, id))
			.isEqualTo(15);
		assertThat(send("POST", replicas.get(0), "/api/v1/businesses/" + id + "/sync", "").statusCode()).isEqualTo(404);
	}

	@Test
	void aRevokedTokenShowsAsRejectedWithUpstreamsMessage() throws Exception {
		assertThat(send("POST", replicas.get(0), "/api/v1/businesses",
				"{\"id\": \"" + REVOKED + "\", \"access_token\": \"EAAG-token-of-" + REVOKED + "\"}")
			.statusCode()).isEqualTo(201);
		await().atMost(Duration.ofSeconds(30)).until(() -> succeededRuns(REVOKED) > 0);
		graphApi.business(REVOKED, "EAAG-another-" + REVOKED, graphApi.numbers(REVOKED));

		// the other replica may hold the business's lock a moment, to see the run it was
		// told of is done
		await().atMost(Duration.ofSeconds(30))
			.until(() -> send("POST", replicas.get(1), "/api/v1/businesses/" + REVOKED + "/sync", "")
				.statusCode() == 202);

		await().atMost(Duration.ofSeconds(30))
			.until(() -> "REJECTED".equals(listed(replicas.get(0)).get(REVOKED).get("token_status").asString()));
		JsonNode business = listed(replicas.get(0)).get(REVOKED);
		assertThat(business.get("token_error").asString()).contains("access token");
		assertThat(business.get("token_checked_at").isNull()).isFalse();
		await().atMost(Duration.ofSeconds(30)).until(() -> tokenAlerts("FIRING") == 1);
		JsonNode alert = json
			.readTree(send("GET", replicas.get(1), "/api/v1/alerts?kind=TOKEN&business_id=" + REVOKED, null).body())
			.at("/data/0");
		assertThat(alert.get("kind").asString()).isEqualTo("TOKEN");
		assertThat(alert.get("number_id").isNull()).isTrue();

		// the right token again: the alert resolves with the next run
		graphApi.business(REVOKED, "EAAG-token-of-" + REVOKED, graphApi.numbers(REVOKED));
		assertThat(send("PATCH", replicas.get(0), "/api/v1/businesses/" + REVOKED,
				"{\"access_token\": \"EAAG-token-of-" + REVOKED + "\"}")
			.statusCode()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> send("POST", replicas.get(0), "/api/v1/businesses/" + REVOKED + "/sync", "")
				.statusCode() == 202);
		await().atMost(Duration.ofSeconds(30)).until(() -> tokenAlerts("RESOLVED") == 1 && tokenAlerts("FIRING") == 0);
	}

	private static int tokenAlerts(String state) {
		return jdbc.queryForObject("select count(*) from alerts where business_id = ? and kind = 'TOKEN' and state = ?",
				Integer.class, REVOKED, state);
	}

	@Test
	void theConfigurationsBusinessIsReadOnlyAndBadInputIsRefused() throws Exception {
		assertThat(
				send("PATCH", replicas.get(0), "/api/v1/businesses/" + CONFIGURED, "{\"paused\": true}").statusCode())
			.isEqualTo(409);
		assertThat(send("DELETE", replicas.get(0), "/api/v1/businesses/" + CONFIGURED, null).statusCode())
			.isEqualTo(409);
		assertThat(listed(replicas.get(0)).get(CONFIGURED).get("source").asString()).isEqualTo("CONFIG");
		assertThat(send("POST", replicas.get(0), "/api/v1/businesses", "{\"id\": \"acme\", \"access_token\": \"t\"}")
			.statusCode()).isEqualTo(400);
		assertThat(send("POST", replicas.get(0), "/api/v1/businesses", "{\"id\": \"7899\"}").statusCode())
			.isEqualTo(400);
		assertThat(send("PATCH", replicas.get(0), "/api/v1/businesses/7899", "{\"paused\": true}").statusCode())
			.isEqualTo(404);
	}

	@Test
	void aRestartWithAnotherKeyIsRefusedAndWithThePreviousKeyBesideItTokensAreEncryptedAgain() throws Exception {
		String id = "7805";
		graphApi.business(id, "EAAG-token-of-" + id, DemoInventory.generate(id, "Rekeyed", 5, Instant.now()));
		IsolatedServices own = testServices.isolated("businesses_rekeyed");
		ConfigurableApplicationContext first = own.start(properties(KEY, null));
		try {
			assertThat(send("POST", first, "/api/v1/businesses",
					"{\"id\": \"" + id + "\", \"access_token\": \"EAAG-token-of-" + id + "\"}")
				.statusCode()).isEqualTo(201);
		}
		finally {
			first.close();
		}
		JdbcTemplate ownJdbc = own.jdbc();
		String keyIdBefore = ownJdbc.queryForObject("select token_key_id from businesses where id = ?", String.class,
				id);

		assertThatException().isThrownBy(() -> own.start(properties(key(8), null)))
			.withStackTraceContaining("preverified.secrets.key")
			.withStackTraceContaining(id);
		ConfigurableApplicationContext rekeyed = own.start(properties(key(8), KEY));
		try {
			assertThat(ownJdbc.queryForObject("select token_key_id from businesses where id = ?", String.class, id))
				.isNotEqualTo(keyIdBefore);
			assertThat(listed(rekeyed)).containsKey(id);
			// the token read with the previous key, encrypted again, still syncs
			int succeeded = ownJdbc.queryForObject(
					"select count(*) from sync_runs where business_id = ? and status = 'SUCCEEDED'", Integer.class, id);
			await().atMost(Duration.ofSeconds(30))
				.until(() -> send("POST", rekeyed, "/api/v1/businesses/" + id + "/sync", "").statusCode() == 202);
			await().atMost(Duration.ofSeconds(30))
				.until(() -> ownJdbc.queryForObject(
						"select count(*) from sync_runs where business_id = ? and status = 'SUCCEEDED'", Integer.class,
						id) > succeeded);
		}
		finally {
			rekeyed.close();
		}
	}

	private static String[] properties(String key, String previousKey) {
		List<String> properties = new java.util.ArrayList<>(List.of("preverified.businesses[0].id=" + CONFIGURED,
				"preverified.businesses[0].access-token=token-" + CONFIGURED, "preverified.sync.initial-delay=0s",
				"preverified.sync.interval=1h", "preverified.api.anonymous-writes=true",
				"preverified.secrets.key=" + key));
		if (previousKey != null) {
			properties.add("preverified.secrets.previous-keys[0]=" + previousKey);
		}
		return properties.toArray(String[]::new);
	}

	// requests upstream about a business or one of its numbers
	private static int callsFor(String businessId, String numberId) {
		return (int) graphApi.requests()
			.stream()
			.filter((request) -> request.getUrl().encodedPath().contains("/" + businessId + "/")
					|| request.getUrl().encodedPath().contains("/" + numberId + "/"))
			.count();
	}

	private static String anyNumberOf(String businessId) {
		return jdbc.queryForObject("select min(id) from numbers where business_id = ?", String.class, businessId);
	}

	private static int succeededRuns(String businessId) {
		return jdbc.queryForObject("select count(*) from sync_runs where business_id = ? and status = 'SUCCEEDED'",
				Integer.class, businessId);
	}

	private Map<String, JsonNode> listed(ConfigurableApplicationContext replica) throws Exception {
		Map<String, JsonNode> businesses = new java.util.LinkedHashMap<>();
		json.readTree(send("GET", replica, "/api/v1/businesses", null).body())
			.get("data")
			.forEach((business) -> businesses.put(business.get("id").asString(), business));
		return businesses;
	}

	private HttpResponse<String> send(String method, ConfigurableApplicationContext replica, String path, String body)
			throws Exception {
		return IsolatedServices.send(replica, method, path, body);
	}

	private static String key(int seed) {
		byte[] key = new byte[32];
		for (int i = 0; i < key.length; i++) {
			key[i] = (byte) (seed * 17 + i);
		}
		return Base64.getEncoder().encodeToString(key);
	}

}
