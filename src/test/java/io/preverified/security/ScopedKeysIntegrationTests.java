package io.preverified.security;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

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
import static org.awaitility.Awaitility.await;

/**
 * API keys limited to some businesses, over real HTTP: every list holds their businesses
 * only, and anything of another business (a filter, a number, its history, an alert, a
 * run, a reservation, the business itself) answers {@code 404}, writes included; a key
 * without businesses sees them all.
 */
@Execution(ExecutionMode.CONCURRENT)
class ScopedKeysIntegrationTests {

	private static final String OURS = "7901";

	private static final String THEIRS = "7902";

	private static final String ADMIN = "admin-key-of-every-business-000000000000";

	private static final String SCOPED = "admin-key-of-business-7901-only-00000000";

	private static final String SCOPED_READER = "read-key-of-business-7901-only-000000000";

	private static final JsonMapper json = JsonMapper.builder().build();

	@RegisterExtension
	static final TestServices testServices = new TestServices();

	private static final FakeGraphApi graphApi = testServices.graphApi();

	private static ConfigurableApplicationContext service;

	private static JdbcTemplate jdbc;

	@BeforeAll
	static void start() {
		graphApi.business(OURS, "token-" + OURS, DemoInventory.generate(OURS, "Ours", 40, Instant.now()));
		graphApi.business(THEIRS, "token-" + THEIRS, DemoInventory.generate(THEIRS, "Theirs", 40, Instant.now()));
		IsolatedServices services = testServices.isolated("scoped_keys");
		jdbc = services.jdbc();
		service = services.start("preverified.businesses[0].id=" + OURS,
				"preverified.businesses[0].access-token=token-" + OURS, "preverified.businesses[1].id=" + THEIRS,
				"preverified.businesses[1].access-token=token-" + THEIRS, "preverified.sync.initial-delay=0s",
				"preverified.sync.interval=1h", "preverified.api.keys[0].name=operator",
				"preverified.api.keys[0].key=" + ADMIN, "preverified.api.keys[0].role=ADMIN",
				"preverified.api.keys[1].name=ours", "preverified.api.keys[1].key=" + SCOPED,
				"preverified.api.keys[1].role=ADMIN", "preverified.api.keys[1].businesses[0]=" + OURS,
				"preverified.api.keys[2].name=ours-reader", "preverified.api.keys[2].key=" + SCOPED_READER,
				"preverified.api.keys[2].businesses[0]=" + OURS);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> jdbc.queryForObject("select count(*) from sync_runs where status = 'SUCCEEDED'",
					Integer.class) == 2);
	}

	@AfterAll
	static void stop() {
		IsolatedServices.stop(List.of(service));
	}

	@Test
	void listsHoldTheKeysBusinessesOnlyAndAKeyWithoutBusinessesSeesThemAll() throws Exception {
		for (String key : List.of(SCOPED, SCOPED_READER)) {
			assertThat(businessIds(get(key, "/api/v1/businesses"), "id")).containsExactly(OURS);
			assertThat(businessIds(get(key, "/api/v1/numbers?limit=1000&include_removed=true"), "business_id"))
				.containsExactly(OURS);
			assertThat(businessIds(get(key, "/api/v1/alerts?limit=1000"), "business_id")).containsExactly(OURS);
			assertThat(businessIds(get(key, "/api/v1/sync-runs"), "business_id")).containsExactly(OURS);
		}
		assertThat(businessIds(get(ADMIN, "/api/v1/numbers?limit=1000"), "business_id")).containsOnly(OURS, THEIRS);
		// the same list asked again by a key of another scope, and by no key: an answer
		// is
		// given again only to its own scope
		assertThat(businessIds(get(ADMIN, "/api/v1/numbers?limit=1000&include_removed=true"), "business_id"))
			.containsOnly(OURS, THEIRS);
		assertThat(businessIds(get(SCOPED, "/api/v1/numbers?limit=1000&include_removed=true"), "business_id"))
			.containsExactly(OURS);
		assertThat(get(null, "/api/v1/numbers?limit=1000&include_removed=true").statusCode()).isEqualTo(401);
		long ours = jdbc.queryForObject("""
				select count(*) from numbers where business_id = ? and removed_at is null
				and verification_expiry_time >= now() and verification_expiry_time < now() + interval '91 days'""",
				Long.class, OURS);
		long counted = 0;
		for (JsonNode week : json.readTree(get(SCOPED, "/api/v1/expiries?weeks=13").body()).get("data")) {
			for (JsonNode count : week.get("by_severity")) {
				counted += count.asLong();
			}
		}
		assertThat(counted).isBetween(ours - 2, ours);
	}

	@Test
	void anythingOfAnotherBusinessIsNotFoundReadsAndWritesAlike() throws Exception {
		String theirNumber = jdbc.queryForObject("select min(id) from numbers where business_id = ?", String.class,
				THEIRS);
		long theirAlert = jdbc.queryForObject("select min(id) from alerts where business_id = ?", Long.class, THEIRS);
		long theirRun = jdbc.queryForObject("select min(id) from sync_runs where business_id = ?", Long.class, THEIRS);
		HttpResponse<String> theirReservation = send(ADMIN, "POST", "/api/v1/reservations",
				"{\"business_id\": \"" + THEIRS + "\", \"count\": 1, \"valid_for\": \"P1D\"}");
		assertThat(theirReservation.statusCode()).isEqualTo(201);
		long reservation = json.readTree(theirReservation.body()).get("id").asLong();

		List<HttpResponse<String>> answers = List.of(get(SCOPED, "/api/v1/numbers?business_id=" + THEIRS),
				get(SCOPED, "/api/v1/numbers/" + theirNumber),
				get(SCOPED, "/api/v1/numbers/" + theirNumber + "/history"), get(SCOPED, "/api/v1/alerts/" + theirAlert),
				get(SCOPED, "/api/v1/sync-runs/" + theirRun), get(SCOPED, "/api/v1/reservations/" + reservation),
				get(SCOPED, "/api/v1/businesses/" + THEIRS), get(SCOPED, "/api/v1/claims?business_id=" + THEIRS),
				send(SCOPED, "POST", "/api/v1/numbers/" + theirNumber + "/request-code", "{}"),
				send(SCOPED, "DELETE", "/api/v1/numbers/" + theirNumber, null),
				send(SCOPED, "POST", "/api/v1/businesses/" + THEIRS + "/sync", ""),
				send(SCOPED, "POST", "/api/v1/alerts/" + theirAlert + "/acknowledge", "{}"),
				send(SCOPED, "POST", "/api/v1/reservations/" + reservation + "/release", ""),
				send(SCOPED, "POST", "/api/v1/reservations",
						"{\"business_id\": \"" + THEIRS + "\", \"count\": 1, \"valid_for\": \"P1D\"}"));

		assertThat(answers).allSatisfy((answer) -> {
			assertThat(answer.statusCode()).as(answer.uri().toString()).isEqualTo(404);
			assertThat(answer.headers().firstValue("Content-Type").orElseThrow())
				.startsWith("application/problem+json");
		});
		assertThat(jdbc.queryForObject("select state from reservations where id = ?", String.class, reservation))
			.isEqualTo("HELD");
		assertThat(get(ADMIN, "/api/v1/numbers/" + theirNumber).statusCode()).isEqualTo(200);
		HttpResponse<String> ours = send(SCOPED, "POST", "/api/v1/reservations",
				"{\"count\": 2, \"valid_for\": \"P1D\"}");
		assertThat(ours.statusCode()).isEqualTo(201);
		assertThat(json.readTree(ours.body()).get("business_id").asString()).isEqualTo(OURS);
	}

	private static Set<String> businessIds(HttpResponse<String> response, String field) throws Exception {
		assertThat(response.statusCode()).isEqualTo(200);
		Set<String> ids = new HashSet<>();
		json.readTree(response.body()).get("data").forEach((item) -> ids.add(item.get(field).asString()));
		return ids;
	}

	private HttpResponse<String> get(String key, String path) throws Exception {
		return send(key, "GET", path, null);
	}

	private HttpResponse<String> send(String key, String method, String path, String body) throws Exception {
		return IsolatedServices.send(service, method, path, body, "Authorization", "Bearer " + key);
	}

}
