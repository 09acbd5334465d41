package io.preverified.security;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.preverified.TestDatabaseConfiguration;
import io.preverified.TestServices;
import io.preverified.graphapi.FakeGraphApi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Access to the API with keys configured, through MockMvc and over real HTTP.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "preverified.sync.initial-delay=1h", "preverified.businesses[0].id=5001",
				"preverified.businesses[0].access-token=token-5001", "preverified.api.keys[0].name=dashboards",
				"preverified.api.keys[0].key=" + ApiSecurityIntegrationTests.READ_KEY,
				"preverified.api.keys[0].role=READ", "preverified.api.keys[1].name=operators",
				"preverified.api.keys[1].key=" + ApiSecurityIntegrationTests.ADMIN_KEY,
				"preverified.api.keys[1].role=ADMIN" })
@AutoConfigureMockMvc
@Import(TestDatabaseConfiguration.class)
@ExtendWith(OutputCaptureExtension.class)
class ApiSecurityIntegrationTests {

	static final String READ_KEY = "read-key-0123456789abcdef-0123456789";

	static final String ADMIN_KEY = "admin-key-0123456789abcdef-0123456789";

	@RegisterExtension
	static final TestServices testServices = new TestServices();

	private static final FakeGraphApi graphApi = testServices.graphApi();

	private static final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private JdbcTemplate jdbc;

	@LocalServerPort
	private int port;

	@DynamicPropertySource
	static void graphApiProperties(DynamicPropertyRegistry registry) {
		testServices.wire(registry);
	}

	@Test
	void requestWithoutAValidKeyIsUnauthorized() {
		for (String authorization : new String[] { null, "Bearer wrong-key-0123456789abcdef", "Basic " + READ_KEY,
				"Bearer " }) {
			var request = this.mvc.get().uri("/api/v1/numbers");
			if (authorization != null) {
				request.header("Authorization", authorization);
			}
			assertThat(request.exchange()).as(String.valueOf(authorization))
				.hasStatus(HttpStatus.UNAUTHORIZED)
				.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
				.bodyJson()
				.extractingPath("$.status")
				.isEqualTo(401);
		}
	}

	@Test
	void readKeyMayReadButNotStartRuns() {
		assertThat(this.mvc.get().uri("/api/v1/businesses").header("Authorization", "Bearer " + READ_KEY).exchange())
			.hasStatus(HttpStatus.OK);
		assertThat(this.mvc.get().uri("/api/v1/alerts").header("Authorization", "bearer " + READ_KEY).exchange())
			.hasStatus(HttpStatus.OK);
		assertThat(this.mvc.post()
			.uri("/api/v1/businesses/5001/sync")
			.header("Authorization", "Bearer " + READ_KEY)
			.exchange()).hasStatus(HttpStatus.FORBIDDEN)
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(this.mvc.post()
			.uri("/api/v1/alerts/1/acknowledge")
			.header("Authorization", "Bearer " + READ_KEY)
			.exchange()).hasStatus(HttpStatus.FORBIDDEN);
		for (String uri : List.of("/api/v1/numbers/1/request-code", "/api/v1/numbers/1/verify-code",
				"/api/v1/businesses/5001/numbers")) {
			assertThat(this.mvc.post()
				.uri(uri)
				.header("Authorization", "Bearer " + READ_KEY)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{}")
				.exchange()).as(uri).hasStatus(HttpStatus.FORBIDDEN);
		}
		assertThat(this.mvc.delete().uri("/api/v1/numbers/1").header("Authorization", "Bearer " + READ_KEY).exchange())
			.hasStatus(HttpStatus.FORBIDDEN);
	}

	@Test
	void adminKeyMayStartRuns() {
		graphApi.business("5001", "token-5001", List.of());

		assertThat(this.mvc.post()
			.uri("/api/v1/businesses/5001/sync")
			.header("Authorization", "Bearer " + ADMIN_KEY)
			.exchange()).hasStatus(HttpStatus.ACCEPTED);
		assertThat(this.mvc.post()
			.uri("/api/v1/alerts/424242/acknowledge")
			.header("Authorization", "Bearer " + ADMIN_KEY)
			.exchange()).hasStatus(HttpStatus.NOT_FOUND);
	}

	@Test
	void healthInfoMetricsAndDocsNeedNoKey() {
		for (String uri : List.of("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness",
				"/actuator/info", "/actuator/prometheus", "/v3/api-docs")) {
			assertThat(this.mvc.get().uri(uri).exchange()).as(uri).hasStatus2xxSuccessful();
		}
	}

	@Test
	void keysAreCheckedOverRealHttpAndNeverLogged(CapturedOutput output) throws Exception {
		HttpClient client = HttpClient.newHttpClient();

		HttpResponse<String> anonymous = client.send(request("/api/v1/numbers", null).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		HttpResponse<String> reader = client.send(request("/api/v1/numbers", READ_KEY).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		HttpResponse<String> readerPosting = client.send(
				request("/api/v1/businesses/5001/sync", READ_KEY).POST(HttpRequest.BodyPublishers.noBody()).build(),
				HttpResponse.BodyHandlers.ofString());
		HttpResponse<String> health = client.send(request("/actuator/health", null).GET().build(),
				HttpResponse.BodyHandlers.ofString());

		assertThat(anonymous.statusCode()).isEqualTo(401);
		assertThat(anonymous.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(anonymous.headers().firstValue("WWW-Authenticate")).contains("Bearer");
		assertThat(reader.statusCode()).isEqualTo(200);
		assertThat(readerPosting.statusCode()).isEqualTo(403);
		assertThat(readerPosting.body()).contains("\"status\":403");
		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(output.getAll()).doesNotContain(READ_KEY, ADMIN_KEY);
	}

	@Test
	void anonymousHealthShowsTheStatusAloneAndAKeySeesEveryComponent() throws Exception {
		HttpClient client = HttpClient.newHttpClient();

		JsonNode anonymous = json
			.readTree(client.send(request("/actuator/health", null).GET().build(), HttpResponse.BodyHandlers.ofString())
				.body());
		JsonNode reader = json.readTree(
				client.send(request("/actuator/health", READ_KEY).GET().build(), HttpResponse.BodyHandlers.ofString())
					.body());

		assertThat(anonymous.get("status").asString()).isEqualTo("UP");
		assertThat(anonymous.has("components")).isFalse();
		assertThat(anonymous.toString()).doesNotContain("5001");
		assertThat(reader.at("/components/sync/details/5001")).isNotNull();
		assertThat(reader.at("/components/db/status").asString()).isEqualTo("UP");
	}

	@Test
	void crossSiteWriteIsRefusedEvenWithAnAdminKey() {
		assertThat(this.mvc.post()
			.uri("/api/v1/businesses/5001/sync")
			.header("Authorization", "Bearer " + ADMIN_KEY)
			.header("Sec-Fetch-Site", "cross-site")
			.exchange()).hasStatus(HttpStatus.FORBIDDEN);
	}

	@Test
	void bodyLargerThanMaxBodyIsRefusedBeforeItIsRead() throws Exception {
		HttpClient client = HttpClient.newHttpClient();
		String huge = "{\"count\": 1, \"padding\": \"" + "x".repeat(1024 * 1024) + "\"}";
		byte[] hugeBytes = huge.getBytes(StandardCharsets.UTF_8);

		HttpResponse<String> declared = client
			.send(request("/api/v1/reservations", ADMIN_KEY).header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(huge))
				.build(), HttpResponse.BodyHandlers.ofString());
		// no Content-Length: sent in chunks, refused once past the limit
		HttpResponse<String> chunked = client
			.send(request("/api/v1/reservations", ADMIN_KEY).header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(hugeBytes)))
				.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(declared.statusCode()).isEqualTo(413);
		assertThat(declared.body()).contains("preverified.api.max-body");
		assertThat(chunked.statusCode()).isEqualTo(413);
		assertThat(chunked.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(this.jdbc.queryForObject("select count(*) from reservations", Integer.class)).isZero();
	}

	@Test
	void malformedBodiesAreClientErrorsNeverServerErrors() {
		Map<String, String> bodies = new LinkedHashMap<>();
		bodies.put("deep nesting", "{\"count\": " + "[".repeat(5000) + "]".repeat(5000) + "}");
		bodies.put("overflowing number", "{\"count\": 99999999999999999999999999}");
		bodies.put("huge exponent", "{\"count\": 1e999999}");
		bodies.put("not an object", "[1, 2]");
		bodies.put("truncated", "{\"count\": ");
		bodies.put("wrong type", "{\"count\": \"many\"}");
		for (Map.Entry<String, String> body : bodies.entrySet()) {
			assertThat(this.mvc.post()
				.uri("/api/v1/reservations")
				.header("Authorization", "Bearer " + ADMIN_KEY)
				.contentType(MediaType.APPLICATION_JSON)
				.content(body.getValue())
				.exchange()).as(body.getKey())
				.hasStatus(HttpStatus.BAD_REQUEST)
				.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		}
		assertThat(this.mvc.post()
			.uri("/api/v1/reservations")
			.header("Authorization", "Bearer " + ADMIN_KEY)
			.contentType(MediaType.APPLICATION_JSON)
			.content(new byte[] { '{', '"', 'r', 'e', 'f', 'e', 'r', 'e', 'n', 'c', 'e', '"', ':', '"', (byte) 0xC3,
					(byte) 0x28, '"', '}' })
			.exchange()).as("bad UTF-8").hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(this.mvc.post()
			.uri("/api/v1/reservations")
			.header("Authorization", "Bearer " + ADMIN_KEY)
			.contentType(MediaType.APPLICATION_XML)
			.content("<count>1</count>")
			.exchange()).as("wrong content type").hasStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
		assertThat(this.jdbc.queryForObject("select count(*) from reservations", Integer.class)).isZero();
	}

	private HttpRequest.Builder request(String path, String key) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path));
		return (key != null) ? request.header("Authorization", "Bearer " + key) : request;
	}

}
