package io.preverified.webhooks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.preverified.IsolatedServices;
import io.preverified.TestServices;
import io.preverified.graphapi.DemoInventory;
import io.preverified.graphapi.FakeGraphApi;
import io.preverified.graphapi.GraphApiFaults;
import io.preverified.graphapi.MetaSignature;
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
 * Claims over real HTTP, against two replicas on one database: Meta's subscription check,
 * signed and unsigned deliveries, the same delivery to both replicas and again, a
 * delivery whose processing fails once, the claims a {@code PARTNER_ADDED} makes, and
 * Embedded Signup's FINISH for the wrong number and the right one.
 */
@Execution(ExecutionMode.CONCURRENT)
class MetaWebhooksIntegrationTests {

	private static final String BUSINESS = "7501";

	private static final String APP_SECRET = "meta-app-secret-of-the-tests";

	private static final String VERIFY_TOKEN = "verify-token-of-the-tests";

	@RegisterExtension
	static final TestServices testServices = new TestServices();

	private static final FakeGraphApi graphApi = testServices.graphApi();

	private static List<ConfigurableApplicationContext> replicas;

	private static JdbcTemplate jdbc;

	private final HttpClient http = HttpClient.newHttpClient();

	@BeforeAll
	static void startTwoReplicas() {
		graphApi.business(BUSINESS, "token-" + BUSINESS, DemoInventory.generate(BUSINESS, "Hooks", 30, Instant.now()));
		IsolatedServices services = testServices.isolated("meta_webhooks");
		jdbc = services.jdbc();
		String[] properties = { "preverified.businesses[0].id=" + BUSINESS,
				"preverified.businesses[0].access-token=token-" + BUSINESS, "preverified.sync.initial-delay=0s",
				"preverified.sync.interval=1h", "preverified.graph-api.app-secret=" + APP_SECRET,
				"preverified.meta-webhooks.verify-token=" + VERIFY_TOKEN, "preverified.api.anonymous-writes=true" };
		replicas = services.startTwoReplicasSynced(properties);
	}

	@AfterAll
	static void stopReplicas() {
		IsolatedServices.stop(replicas);
	}

	@Test
	void subscriptionCheckAnswersTheChallengeOnlyForTheVerifyToken() throws Exception {
		HttpResponse<String> accepted = get(
				"/webhooks/meta?hub.mode=subscribe&hub.verify_token=" + VERIFY_TOKEN + "&hub.challenge=1158201444");
		HttpResponse<String> refused = get(
				"/webhooks/meta?hub.mode=subscribe&hub.verify_token=guessed&hub.challenge=1158201444");

		assertThat(accepted.statusCode()).isEqualTo(200);
		assertThat(accepted.body()).isEqualTo("1158201444");
		assertThat(accepted.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/plain"));
		assertThat(refused.statusCode()).isEqualTo(403);
	}

	@Test
	void deliveryWithoutMetasSignatureIsRefusedAndNothingIsKept() throws Exception {
		String body = partnerAdded("8800000000000099", "unsigned");

		assertThat(post(replicas.get(0), body, null).statusCode()).isEqualTo(401);
		assertThat(post(replicas.get(0), body, "sha256=" + "0".repeat(64)).statusCode()).isEqualTo(401);
		assertThat(post(replicas.get(0), body, MetaSignature.of("another-app-secret", bytes(body))).statusCode())
			.isEqualTo(401);
		assertThat(kept("unsigned")).isZero();
	}

	@Test
	void partnerAddedDeliveredTwiceToEachReplicaClaimsTheNumberOnceAndEndsItsReservation() throws Exception {
		HttpResponse<String> reserved = send(replicas.get(0), "/api/v1/reservations", "{\"count\": 1}");
		assertThat(reserved.statusCode()).isEqualTo(201);
		String numberId = JsonMapper.builder().build().readTree(reserved.body()).at("/numbers/0/id").asString();
		String phoneNumberId = graphApi.claim(BUSINESS, numberId, "8800000000000001");
		String body = partnerAdded("8800000000000001", "twice");

		for (ConfigurableApplicationContext replica : List.of(replicas.get(0), replicas.get(1), replicas.get(0),
				replicas.get(1))) {
			assertThat(post(replica, body, MetaSignature.of(APP_SECRET, bytes(body))).statusCode()).isEqualTo(200);
		}

		assertThat(kept("twice")).isOne();
		await().atMost(Duration.ofSeconds(20)).until(() -> claims(numberId) == 1);
		Map<String, Object> claim = jdbc.queryForMap("select * from claims where number_id = ?", numberId);
		assertThat(claim.get("source")).isEqualTo("WEBHOOK");
		assertThat(claim.get("phone_number_id")).isEqualTo(phoneNumberId);
		assertThat(claim.get("waba_id")).isEqualTo("8800000000000001");
		assertThat(claim.get("customer_business_id")).isEqualTo("9900000000000001");
		assertThat(jdbc.queryForObject("select state from reservations where claimed_number_id = ?", String.class,
				numberId))
			.isEqualTo("CLAIMED");
		assertThat(jdbc.queryForObject("select removal_reason from numbers where id = ?", String.class, numberId))
			.isEqualTo("CLAIMED");
	}

	@Test
	void deliveryWhoseProcessingFailsIsProcessedAgainFromTheInbox() throws Exception {
		String numberId = jdbc.queryForObject("""
				select max(id) from numbers where code_verification_status = 'VERIFIED' and removed_at is null""",
				String.class);
		graphApi.claim(BUSINESS, numberId, "8800000000000002");
		AtomicInteger refused = new AtomicInteger();
		graphApi.intercept((call,
				request) -> (request.getUrl().encodedPath().endsWith("/8800000000000002/phone_numbers")
						&& refused.getAndIncrement() == 0)
								? GraphApiFaults.error(400, 100, "GraphMethodException", "(#100) Try again later")
								: null);
		String body = partnerAdded("8800000000000002", "fails-once");

		assertThat(post(replicas.get(1), body, MetaSignature.of(APP_SECRET, bytes(body))).statusCode()).isEqualTo(200);

		await().atMost(Duration.ofSeconds(20)).until(() -> claims(numberId) == 1);
		Map<String, Object> delivery = jdbc
			.queryForMap("select state, attempts from meta_webhook_deliveries where body like ?", "%fails-once%");
		assertThat(delivery.get("state")).isEqualTo("PROCESSED");
		assertThat(delivery.get("attempts")).isEqualTo(2);
	}

	@Test
	void finishForANumberNoneOfTheReservationsIsRefusedAndTheRightOneClaimsIt() throws Exception {
		HttpResponse<String> reserved = send(replicas.get(1), "/api/v1/reservations", "{\"count\": 1}");
		JsonNode reservation = JsonMapper.builder().build().readTree(reserved.body());
		String numberId = reservation.at("/numbers/0/id").asString();
		HttpResponse<String> reservedElsewhere = send(replicas.get(0), "/api/v1/reservations", "{\"count\": 1}");
		String other = JsonMapper.builder().build().readTree(reservedElsewhere.body()).at("/numbers/0/id").asString();
		String otherPhone = graphApi.claim(BUSINESS, other, "8800000000000004");
		String phone = graphApi.claim(BUSINESS, numberId, "8800000000000004");
		String complete = "/api/v1/reservations/" + reservation.get("id").asLong() + "/complete";

		HttpResponse<String> wrong = send(replicas.get(1), complete, finish(otherPhone));
		HttpResponse<String> right = send(replicas.get(0), complete, finish(phone));
		HttpResponse<String> again = send(replicas.get(1), complete, finish(phone));

		assertThat(wrong.statusCode()).isEqualTo(422);
		assertThat(right.statusCode()).isEqualTo(200);
		assertThat(right.body()).contains("\"state\":\"CLAIMED\"", "\"claimed_number_id\":\"" + numberId + "\"");
		assertThat(again.statusCode()).isEqualTo(200);
		assertThat(claims(numberId)).isOne();
		assertThat(claims(other)).isZero();
	}

	@Test
	void otherFieldsAreKeptAndLeftAlone() throws Exception {
		HttpResponse<String> reserved = send(replicas.get(0), "/api/v1/reservations", "{\"count\": 1}");
		String numberId = JsonMapper.builder().build().readTree(reserved.body()).at("/numbers/0/id").asString();
		graphApi.claim(BUSINESS, numberId, "8800000000000003");
		String body = """
				{"object": "whatsapp_business_account", "entry": [{"id": "8800000000000003", "time": 1765000000,
				"changes": [{"field": "messages", "value": {"messaging_product": "whatsapp"}}]}]}""";

		assertThat(post(replicas.get(0), body, MetaSignature.of(APP_SECRET, bytes(body))).statusCode()).isEqualTo(200);

		await().atMost(Duration.ofSeconds(20))
			.until(() -> "PROCESSED".equals(jdbc.queryForObject(
					"select state from meta_webhook_deliveries where body like '%messaging_product%'", String.class)));
		assertThat(claims(numberId)).isZero();
	}

	private static String partnerAdded(String wabaId, String marker) {
		return """
				{"object": "whatsapp_business_account", "entry": [{"id": "%s", "time": 1765000000, "changes": [
				{"field": "account_update", "value": {"event": "PARTNER_ADDED", "waba_info": {"waba_id": "%s",
				"owner_business_id": "9900000000000001", "partner_app_id": "%s"}}}]}]}""".formatted(wabaId, wabaId,
				marker);
	}

	private HttpResponse<String> post(ConfigurableApplicationContext replica, String body, String signature)
			throws Exception {
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create(IsolatedServices.baseUrl(replica) + "/webhooks/meta"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (signature != null) {
			request.header("X-Hub-Signature-256", signature);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String finish(String phoneNumberId) {
		return "{\"phone_number_id\": \"" + phoneNumberId
				+ "\", \"waba_id\": \"8800000000000004\", \"business_id\": \"9900000000000004\"}";
	}

	private HttpResponse<String> send(ConfigurableApplicationContext replica, String path, String body)
			throws Exception {
		return IsolatedServices.send(replica, "POST", path, body);
	}

	private HttpResponse<String> get(String path) throws Exception {
		return IsolatedServices.send(replicas.get(0), "GET", path, null);
	}

	private static int kept(String marker) {
		return jdbc.queryForObject("select count(*) from meta_webhook_deliveries where body like ?", Integer.class,
				"%" + marker + "%");
	}

	private static int claims(String numberId) {
		return jdbc.queryForObject("select count(*) from claims where number_id = ?", Integer.class, numberId);
	}

	private static byte[] bytes(String body) {
		return body.getBytes(StandardCharsets.UTF_8);
	}

}
