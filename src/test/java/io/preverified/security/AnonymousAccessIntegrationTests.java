package io.preverified.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.preverified.IsolatedServices;
import io.preverified.TestServices;
import io.preverified.graphapi.DemoInventory;
import io.preverified.graphapi.FakeGraphApi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The API with no keys configured, over real HTTP: reads are open, writes are refused
 * unless {@code preverified.api.anonymous-writes} is on, and even then not from another
 * site's page.
 */
@ExtendWith(OutputCaptureExtension.class)
class AnonymousAccessIntegrationTests {

	private static final String BUSINESS = "7301";

	@RegisterExtension
	static final TestServices testServices = new TestServices();

	private static final FakeGraphApi graphApi = testServices.graphApi();

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void withoutKeysEveryWriteIsRefusedAndNothingReachesUpstream(CapturedOutput output) throws Exception {
		IsolatedServices services = testServices.isolated("anonymous_refused");
		try (ConfigurableApplicationContext service = services.start(business())) {
			String base = IsolatedServices.baseUrl(service);
			String numberId = firstNumber(services.jdbc());
			int upstreamCalls = graphApi.requests().size();

			List<HttpRequest> writes = List.of(post(base + "/api/v1/businesses/" + BUSINESS + "/sync", ""),
					post(base + "/api/v1/reservations", "{\"count\": 1}"),
					post(base + "/api/v1/businesses/" + BUSINESS + "/numbers",
							"{\"phone_number\": \"+1 650 555 0188\"}"),
					post(base + "/api/v1/numbers/" + numberId + "/request-code", ""),
					HttpRequest.newBuilder(URI.create(base + "/api/v1/numbers/" + numberId)).DELETE().build());
			for (HttpRequest write : writes) {
				HttpResponse<String> response = this.http.send(write, HttpResponse.BodyHandlers.ofString());
				assertThat(response.statusCode()).as(write.method() + " " + write.uri()).isEqualTo(401);
				assertThat(response.headers().firstValue("Content-Type"))
					.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
				assertThat(response.body()).contains("anonymous-writes");
			}

			assertThat(graphApi.requests()).hasSize(upstreamCalls);
			assertThat(services.jdbc().queryForObject("select count(*) from reservations", Integer.class)).isZero();
			assertThat(get(base + "/api/v1/numbers?limit=1").statusCode()).isEqualTo(200);
			assertThat(this.json.readTree(get(base + "/api/v1/session").body()).get("role").asString())
				.isEqualTo("READ");
			// nothing to hide health from without keys
			assertThat(this.json.readTree(get(base + "/actuator/health").body()).at("/components/sync/details"))
				.isNotEmpty();
		}
		assertThat(output.getAll()).contains("No preverified.api.keys are configured", "every write is refused");
	}

	@Test
	void anonymousWritesAreAllowedButNeverFromAnotherSite(CapturedOutput output) throws Exception {
		IsolatedServices services = testServices.isolated("anonymous_writes");
		try (ConfigurableApplicationContext service = services
			.start(business("preverified.api.anonymous-writes=true"))) {
			String base = IsolatedServices.baseUrl(service);
			firstNumber(services.jdbc());

			HttpResponse<String> crossSite = reserve(base, "Sec-Fetch-Site", "cross-site");
			HttpResponse<String> foreignOrigin = reserve(base, "Origin", "https://attacker.example");
			HttpResponse<String> sameOrigin = reserve(base, "Origin", base, "Sec-Fetch-Site", "same-origin");
			HttpResponse<String> plainClient = this.http.send(
					post(base + "/api/v1/businesses/" + BUSINESS + "/sync", ""), HttpResponse.BodyHandlers.ofString());

			assertThat(crossSite.statusCode()).isEqualTo(403);
			assertThat(crossSite.body()).contains("another site");
			assertThat(foreignOrigin.statusCode()).isEqualTo(403);
			assertThat(sameOrigin.statusCode()).isEqualTo(201);
			assertThat(plainClient.statusCode()).isEqualTo(202);
			assertThat(services.jdbc().queryForObject("select count(*) from reservations", Integer.class)).isOne();
			JsonNode session = this.json.readTree(get(base + "/api/v1/session").body());
			assertThat(session.get("role").asString()).isEqualTo("ADMIN");
			assertThat(session.get("open").asBoolean()).isTrue();
		}
		assertThat(output.getAll()).contains("preverified.api.anonymous-writes is on");
	}

	private static String[] business(String... more) {
		graphApi.business(BUSINESS, "token-" + BUSINESS, DemoInventory.generate(BUSINESS, "Open", 20, Instant.now()));
		List<String> properties = new ArrayList<>(List.of("preverified.businesses[0].id=" + BUSINESS,
				"preverified.businesses[0].access-token=token-" + BUSINESS, "preverified.sync.initial-delay=0s",
				"preverified.sync.interval=1h"));
		properties.addAll(List.of(more));
		return properties.toArray(String[]::new);
	}

	private static String firstNumber(JdbcTemplate jdbc) {
		await().atMost(Duration.ofSeconds(30))
			.until(() -> jdbc.queryForObject("select count(*) from sync_runs where status = 'SUCCEEDED'",
					Integer.class) > 0);
		return jdbc.queryForObject("select min(id) from numbers where code_verification_status = 'VERIFIED'",
				String.class);
	}

	private static HttpRequest post(String uri, String body) {
		return HttpRequest.newBuilder(URI.create(uri))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
	}

	// a reservation as a browser would send it, with these headers
	private HttpResponse<String> reserve(String base, String... headers) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/reservations"))
			.header("Content-Type", "application/json")
			.headers(headers)
			.POST(HttpRequest.BodyPublishers.ofString("{\"count\": 1}"))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> get(String uri) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create(uri)).GET().build(),
				HttpResponse.BodyHandlers.ofString());
	}

}
