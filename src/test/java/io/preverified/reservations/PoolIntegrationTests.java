package io.preverified.reservations;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
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
import static org.awaitility.Awaitility.await;

/**
 * A pool over real HTTP: its figures as reservations take, release and complete numbers,
 * its alert firing when reservations take it below {@code pool.min-offerable} and
 * resolving when they give numbers back, and its gauges.
 */
@Execution(ExecutionMode.CONCURRENT)
class PoolIntegrationTests {

	private static final String BUSINESS = "7991";

	private static final Instant NOW = Instant.now();

	private static final List<Map<String, Object>> inventory = DemoInventory.generate(BUSINESS, "Pooled", 40, NOW);

	// listed, VERIFIED and valid for 7 days at least: what the pool offers at the start
	private static final long OFFERABLE = inventory.stream()
		.filter((number) -> "VERIFIED".equals(number.get("code_verification_status")))
		.filter((number) -> expiry(number).isAfter(NOW.plus(Duration.ofDays(7)).plus(Duration.ofMinutes(5))))
		.count();

	private static final JsonMapper json = JsonMapper.builder().build();

	@RegisterExtension
	static final TestServices testServices = new TestServices();

	private static final FakeGraphApi graphApi = testServices.graphApi();

	private static ConfigurableApplicationContext service;

	private static JdbcTemplate jdbc;

	@BeforeAll
	static void start() {
		graphApi.business(BUSINESS, "token-" + BUSINESS, inventory);
		IsolatedServices services = testServices.isolated("pool");
		jdbc = services.jdbc();
		service = services.start("preverified.businesses[0].id=" + BUSINESS,
				"preverified.businesses[0].access-token=token-" + BUSINESS, "preverified.sync.initial-delay=0s",
				"preverified.sync.interval=1h", "preverified.alerts.evaluation-interval=1s",
				"preverified.pool.min-offerable=" + OFFERABLE, "preverified.api.anonymous-writes=true");
		await().atMost(Duration.ofSeconds(30))
			.until(() -> jdbc.queryForObject("select count(*) from sync_runs where status = 'SUCCEEDED'",
					Integer.class) == 1);
	}

	@AfterAll
	static void stop() {
		IsolatedServices.stop(List.of(service));
	}

	@Test
	void theFiguresFollowReservationsAndTheAlertFiresBelowTheMinimumAndResolvesAbove() throws Exception {
		JsonNode pool = pool();
		// before its first run a business offers nothing, and raises no alarm for it
		assertThat(poolAlerts("FIRING") + poolAlerts("RESOLVED")).isZero();
		assertThat(pool.get("offerable").asLong()).isEqualTo(OFFERABLE);
		assertThat(pool.get("held").asLong()).isZero();
		assertThat(pool.get("days_until_empty").isNull()).isTrue();
		// in detail: by country (the demo's numbers are of 1 and 44), and a trend read at
		// every evaluation
		JsonNode detail = json.readTree(get("/api/v1/businesses/" + BUSINESS + "/pool?days=1").body());
		assertThat(detail.get("pool")).isEqualTo(pool);
		assertThat(detail.get("by_country")
			.valueStream()
			.map((country) -> country.get("country_calling_code").asString() + ":" + country.get("region").asString()))
			.containsOnly("1:US", "44:GB");
		assertThat(
				detail.get("by_country").valueStream().mapToLong((country) -> country.get("offerable").asLong()).sum())
			.isEqualTo(OFFERABLE);
		await().atMost(Duration.ofSeconds(15))
			.until(() -> json.readTree(get("/api/v1/businesses/" + BUSINESS + "/pool").body())
				.at("/trend/0/offerable")
				.asLong(-1) == OFFERABLE);
		assertThat(get("/api/v1/businesses/" + BUSINESS + "/pool?days=31").statusCode()).isEqualTo(400);

		HttpResponse<String> reserved = post("/api/v1/reservations", "{\"count\": 3, \"valid_for\": \"P7D\"}");
		assertThat(reserved.statusCode()).isEqualTo(201);
		JsonNode reservation = json.readTree(reserved.body());
		assertThat(pool().get("offerable").asLong()).isEqualTo(OFFERABLE - 3);
		assertThat(pool().get("held").asLong()).isEqualTo(3);
		await().atMost(Duration.ofSeconds(15)).until(() -> poolAlerts("FIRING") == 1);
		JsonNode alert = json.readTree(get("/api/v1/alerts?kind=POOL").body()).at("/data/0");
		assertThat(alert.get("severity").asString()).isEqualTo("WARNING");
		assertThat(alert.get("business_id").asString()).isEqualTo(BUSINESS);
		assertThat(get("/actuator/prometheus").body())
			.contains("preverified_pool_offerable{business_id=\"" + BUSINESS + "\"}");

		// given back: the pool is whole again and its alert resolves
		assertThat(post("/api/v1/reservations/" + reservation.get("id").asLong() + "/release", "").statusCode())
			.isEqualTo(200);
		assertThat(pool().get("offerable").asLong()).isEqualTo(OFFERABLE);
		await().atMost(Duration.ofSeconds(15)).until(() -> poolAlerts("RESOLVED") == 1 && poolAlerts("FIRING") == 0);

		// one number claimed through Embedded Signup: the pool knows how fast it goes
		JsonNode taken = json.readTree(post("/api/v1/reservations", "{\"count\": 1, \"valid_for\": \"P7D\"}").body());
		String phoneNumberId = graphApi.claim(BUSINESS, taken.at("/numbers/0/id").asString(), "8800000000000091");
		assertThat(post("/api/v1/reservations/" + taken.get("id").asLong() + "/complete",
				"{\"phone_number_id\": \"" + phoneNumberId + "\", \"waba_id\": \"8800000000000091\"}")
			.statusCode()).isEqualTo(200);
		JsonNode after = pool();
		assertThat(after.get("held").asLong()).isZero();
		assertThat(after.get("offerable").asLong()).isEqualTo(OFFERABLE - 1);
		assertThat(after.get("claimed_last_30d").asLong()).isEqualTo(1);
		assertThat(after.get("days_until_empty").asDouble()).isEqualTo((OFFERABLE - 1) * 30.0);
	}

	private static int poolAlerts(String state) {
		return jdbc.queryForObject("select count(*) from alerts where kind = 'POOL' and state = ?", Integer.class,
				state);
	}

	private JsonNode pool() throws Exception {
		return json.readTree(get("/api/v1/businesses/" + BUSINESS).body()).get("pool");
	}

	private static Instant expiry(Map<String, Object> number) {
		Object expiry = number.get("verification_expiry_time");
		return (expiry instanceof Number seconds) ? Instant.ofEpochSecond(seconds.longValue())
				: OffsetDateTime.parse((String) expiry, DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxx"))
					.toInstant();
	}

	private HttpResponse<String> get(String path) throws Exception {
		return IsolatedServices.send(service, "GET", path, null);
	}

	private HttpResponse<String> post(String path, String body) throws Exception {
		return IsolatedServices.send(service, "POST", path, body);
	}

}
