package io.preverified.graphapi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpMethod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The one way to the Graph API, against a fake server answering with recorded bodies: how
 * requests are built, how answers read, and how each policy retries.
 */
class GraphApiTransportTests {

	private static final String BUSINESS = "506914307656634";

	private static final String TOKEN = "EAAG-transport-token";

	private static final String APP_SECRET = "transport-app-secret";

	private final MockWebServer server = new MockWebServer();

	private final RecordingPauseScheduler pauses = new RecordingPauseScheduler();

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private GraphApiTransport transport;

	@BeforeEach
	void start() throws IOException {
		this.server.start(0);
		this.transport = transport(this.server.url("/").toString().replaceAll("/$", ""));
	}

	@AfterEach
	void stop() {
		this.server.close();
	}

	@Test
	void readCarriesTheTokenOnlyInItsHeaderAndEncodesEveryParameterInTheQuery() throws Exception {
		answer(200, recorded("first.json"));
		Map<String, String> parameters = new LinkedHashMap<>();
		parameters.put("fields", "id,phone_number");
		parameters.put("after", "QVF+a/b=c&d");

		JsonNode body = this.transport
			.call(new GraphApiCall(BUSINESS, HttpMethod.GET, BUSINESS, "/preverified_numbers", parameters, TOKEN,
					CallPolicy.SYNC))
			.block();

		assertThat(body.get("data")).hasSize(2);
		RecordedRequest request = this.server.takeRequest();
		assertThat(request.getUrl().encodedPath()).isEqualTo("/v25.0/" + BUSINESS + "/preverified_numbers");
		assertThat(request.getUrl().queryParameter("after")).isEqualTo("QVF+a/b=c&d");
		assertThat(request.getUrl().queryParameter("fields")).isEqualTo("id,phone_number");
		assertThat(request.getUrl().queryParameter("appsecret_proof")).isEqualTo(AppSecretProof.of(TOKEN, APP_SECRET));
		assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + TOKEN);
		assertThat(request.getUrl().toString()).doesNotContain(TOKEN);
		assertThat(request.getHeaders().get("User-Agent")).isEqualTo("preverified-sync/test");
	}

	@Test
	void postSendsItsParametersAsAFormAndNothingInTheQuery() throws Exception {
		answer(200, "{\"success\": true}");

		this.transport.call(GraphApiCall.write(BUSINESS, HttpMethod.POST, "1234", "/request_code",
				Map.of("code_method", "SMS", "language", "en_US"), TOKEN))
			.block();

		RecordedRequest request = this.server.takeRequest();
		assertThat(request.getMethod()).isEqualTo("POST");
		assertThat(request.getUrl().encodedPath()).isEqualTo("/v25.0/1234/request_code");
		assertThat(request.getUrl().query()).isNull();
		assertThat(request.getHeaders().get("Content-Type")).startsWith("application/x-www-form-urlencoded");
		assertThat(request.getBody().utf8()).contains("code_method=SMS", "language=en_US",
				"appsecret_proof=" + AppSecretProof.of(TOKEN, APP_SECRET));
	}

	@Test
	void recordedErrorIsReadWithUpstreamsCodeAndNotRetriedWhateverThePolicy() {
		for (CallPolicy policy : CallPolicy.values()) {
			answer(400, recorded("error-190.json"));

			assertThatExceptionOfType(GraphApiException.class)
				.isThrownBy(() -> this.transport
					.call(new GraphApiCall(BUSINESS, HttpMethod.GET, BUSINESS, "", Map.of(), TOKEN, policy))
					.block())
				.satisfies((ex) -> {
					assertThat(ex.getError().code()).isEqualTo(190);
					assertThat(ex.getError().fbtraceId()).isEqualTo("AbRecorded190");
					assertThat(ex.getAttempts()).isOne();
				});
		}
		assertThat(this.server.getRequestCount()).isEqualTo(CallPolicy.values().length);
	}

	@Test
	void readWhoseAnswerIsNotJsonIsAskedForAgain() {
		answer(200, "<html>maintenance</html>");
		answer(200, recorded("empty.json"));

		JsonNode body = this.transport
			.call(GraphApiCall.read(BUSINESS, BUSINESS, "/preverified_numbers", Map.of(), TOKEN))
			.block();

		assertThat(body.get("data")).isEmpty();
		assertThat(this.server.getRequestCount()).isEqualTo(2);
	}

	@Test
	void writeWhoseAnswerIsNotJsonIsNeverSentAgain() {
		answer(200, "<html>ok</html>");

		assertThatExceptionOfType(GraphApiException.class)
			.isThrownBy(() -> this.transport
				.call(GraphApiCall.write(BUSINESS, HttpMethod.POST, "1234", "/request_code", Map.of(), TOKEN))
				.block())
			.withMessageContaining("may have acted");
		assertThat(this.server.getRequestCount()).isOne();
	}

	@Test
	void writeIsSentAgainOnlyWhenUpstreamSurelyDidNotAct() {
		// throttled, then temporary: upstream did nothing either time
		answer(400, error(80008, false));
		answer(500, error(2, false));
		answer(200, "{\"success\": true}");
		this.transport.call(GraphApiCall.write(BUSINESS, HttpMethod.POST, "1234", "/request_code", Map.of(), TOKEN))
			.block();
		assertThat(this.server.getRequestCount()).isEqualTo(3);

		// a 5xx of upstream's own, not called temporary: it may have acted
		answer(500, error(131000, false));
		assertThatExceptionOfType(GraphApiException.class).isThrownBy(() -> this.transport
			.call(GraphApiCall.write(BUSINESS, HttpMethod.POST, "1234", "/request_code", Map.of(), TOKEN))
			.block());
		assertThat(this.server.getRequestCount()).isEqualTo(4);

		// the same answer to a read is asked for again
		answer(500, error(131000, false));
		answer(200, "{\"id\": \"1234\"}");
		this.transport.call(GraphApiCall.read(BUSINESS, "1234", "", Map.of(), TOKEN)).block();
		assertThat(this.server.getRequestCount()).isEqualTo(6);
	}

	@Test
	void writeWhoseConnectionIsRefusedIsSentAgainUntilItsAttemptsRunOut() throws IOException {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		GraphApiTransport refused = transport("http://127.0.0.1:" + closedPort);

		assertThatExceptionOfType(GraphApiException.class)
			.isThrownBy(() -> refused
				.call(GraphApiCall.write(BUSINESS, HttpMethod.POST, "1234", "/request_code", Map.of(), TOKEN))
				.block())
			.satisfies((ex) -> assertThat(ex.getAttempts()).isEqualTo(3));
	}

	@Test
	void pausesBetweenAttemptsGrowWithJitter() {
		for (int i = 0; i < 8; i++) {
			answer(503, error(2, true));
			answer(200, "{\"id\": \"1234\"}");
			this.transport.call(GraphApiCall.read(BUSINESS, "1234", "", Map.of(), TOKEN)).block();
		}

		assertThat(this.pauses.recorded()).hasSize(8)
			.allSatisfy((pause) -> assertThat(pause).isBetween(Duration.ofMillis(50), Duration.ofMillis(150)));
		// the first pause of each call is drawn anew: not one fixed wait
		assertThat(Set.copyOf(this.pauses.recorded())).hasSizeGreaterThanOrEqualTo(4);
	}

	@Test
	void everyRequestIsCountedWithItsOutcome() {
		answer(400, error(80008, false));
		answer(200, "{\"id\": \"1234\"}");
		answer(400, recorded("error-190.json"));

		this.transport.call(GraphApiCall.read(BUSINESS, "1234", "", Map.of(), TOKEN)).block();
		assertThatExceptionOfType(GraphApiException.class)
			.isThrownBy(() -> this.transport.call(GraphApiCall.read(BUSINESS, "1234", "", Map.of(), TOKEN)).block());

		assertThat(count("throttled")).isOne();
		assertThat(count("success")).isOne();
		assertThat(count("error")).isOne();
	}

	private long count(String outcome) {
		return this.meters.get("preverified.graph-api.requests")
			.tag("business_id", BUSINESS)
			.tag("outcome", outcome)
			.timer()
			.count();
	}

	private GraphApiTransport transport(String baseUrl) {
		GraphApiProperties properties = new GraphApiProperties(baseUrl, "v25.0", APP_SECRET, 100, Duration.ofSeconds(1),
				Duration.ofSeconds(2), new GraphApiProperties.Retry(3, Duration.ofMillis(100), Duration.ofSeconds(1)));
		return GraphApiTestTransport.create(properties, this.meters, this.pauses);
	}

	private void answer(int status, String body) {
		this.server.enqueue(new MockResponse.Builder().code(status)
			.setHeader("Content-Type", "application/json; charset=UTF-8")
			.body(body)
			.build());
	}

	private static String error(int code, boolean isTransient) {
		return """
				{"error": {"message": "Recorded error %d", "type": "OAuthException", "code": %d,
				"is_transient": %b, "fbtrace_id": "AbTransport"}}""".formatted(code, code, isTransient);
	}

	private static String recorded(String page) {
		try (InputStream in = GraphApiTransportTests.class.getResourceAsStream("/graphapi/pages/" + page)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
