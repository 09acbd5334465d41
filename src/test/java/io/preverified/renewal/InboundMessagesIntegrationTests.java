package io.preverified.renewal;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.preverified.IsolatedServices;
import io.preverified.TestServices;
import io.preverified.graphapi.DemoInventory;
import io.preverified.graphapi.FakeGraphApi;
import io.preverified.graphapi.GraphApiFaults;
import io.preverified.graphapi.SentCode;
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
 * Codes that come back by SMS, over real HTTP: Twilio's signed requests (and unsigned,
 * mis-signed and tampered ones), the same message twice, codes written in several ways,
 * messages for no number or no pending request, a code upstream refuses and a new one
 * asked for from the inbox, and messages passed on through the API.
 */
@Execution(ExecutionMode.CONCURRENT)
class InboundMessagesIntegrationTests {

	private static final String BUSINESS = "7601";

	private static final String AUTH_TOKEN = "twilio-auth-token-of-the-tests";

	private static final JsonMapper json = JsonMapper.builder().build();

	@RegisterExtension
	static final TestServices testServices = new TestServices();

	private static final FakeGraphApi graphApi = testServices.graphApi();

	private static final List<SentCode> sent = new java.util.concurrent.CopyOnWriteArrayList<>();

	private static final AtomicInteger picked = new AtomicInteger();

	private static ConfigurableApplicationContext service;

	private static JdbcTemplate jdbc;

	private static String smsUrl;

	private final HttpClient http = HttpClient.newHttpClient();

	private final TwilioPhone twilio = new TwilioPhone(AUTH_TOKEN, () -> smsUrl);

	@BeforeAll
	static void start() {
		graphApi.business(BUSINESS, "token-" + BUSINESS,
				DemoInventory.generate(BUSINESS, "Inbound", 60, Instant.now()));
		graphApi.onCodeSent(sent::add);
		IsolatedServices services = testServices.isolated("inbound_messages");
		jdbc = services.jdbc();
		service = services.start("preverified.businesses[0].id=" + BUSINESS,
				"preverified.businesses[0].access-token=token-" + BUSINESS, "preverified.sync.initial-delay=0s",
				"preverified.sync.interval=1h", "preverified.inbound.twilio-auth-token=" + AUTH_TOKEN,
				"preverified.api.anonymous-writes=true");
		smsUrl = IsolatedServices.baseUrl(service) + "/webhooks/twilio/sms";
		await().atMost(Duration.ofSeconds(30))
			.until(() -> jdbc.queryForObject("select count(*) from sync_runs where status = 'SUCCEEDED'",
					Integer.class) > 0);
	}

	@AfterAll
	static void stop() {
		IsolatedServices.stop(List.of(service));
	}

	@Test
	void aSignedSmsWithTheCodeRenewsTheNumberAndKeepsTheMessageWithItsCodeMasked() throws Exception {
		String numberId = renewable();
		SentCode code = requestCode(numberId, "SMS");

		HttpResponse<String> response = this.twilio.send(smsUrl,
				TwilioPhone.fields(code.phoneNumber(), code.text(), "SMrenews"), AUTH_TOKEN);

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/xml");
		assertThat(response.body()).contains("<Response/>");
		JsonNode number = json.readTree(get("/api/v1/numbers/" + numberId).body());
		assertThat(number.get("code_verification_status").asString()).isEqualTo("VERIFIED");
		assertThat(OffsetDateTime.parse(number.get("verification_expiry_time").asString()).toInstant())
			.isAfter(Instant.now().plus(Duration.ofDays(89)));
		JsonNode message = message("SMrenews");
		assertThat(message.get("outcome").asString()).isEqualTo("VERIFIED");
		assertThat(message.get("number_id").asString()).isEqualTo(numberId);
		assertThat(message.get("body").asString()).isEqualTo("WhatsApp code ***-***");
		assertThat(get("/api/v1/inbound-messages").body() + get("/api/v1/renewals").body()
				+ get("/actuator/health").body() + get("/actuator/prometheus").body())
			.doesNotContain(code.code(), AUTH_TOKEN);
		JsonNode attempts = json.readTree(get("/api/v1/numbers/" + numberId + "/verification-attempts").body());
		assertThat(attempts.at("/data/0/action").asString()).isEqualTo("VERIFY_CODE");
		assertThat(attempts.at("/data/0/requested_by").asString()).isEqualTo("inbound");
		assertThat(attempts.at("/data/0/outcome").asString()).isEqualTo("SUCCEEDED");
		assertThat(json.readTree(get("/api/v1/renewals?state=RENEWED").body()).get("data").toString())
			.contains(numberId);
		assertThat(get("/actuator/prometheus").body())
			.containsPattern("preverified_inbound_messages_total\\{outcome=\"VERIFIED\"[^}]*} [1-9]");
	}

	@Test
	void unsignedMisSignedAndTamperedRequestsAreRefusedAndNothingIsKept() throws Exception {
		Map<String, String> fields = TwilioPhone.fields("+15550001111", "WhatsApp code 123-456", "SMunsigned");
		Map<String, String> tampered = TwilioPhone.fields("+15550001111", "WhatsApp code 654-321", "SMunsigned");
		String signature = TwilioPhone.signature(AUTH_TOKEN, smsUrl, fields);

		HttpResponse<String> unsigned = this.twilio.send(smsUrl, fields, null);
		HttpResponse<String> otherToken = this.twilio.send(smsUrl, fields, "another-auth-token");
		HttpResponse<String> otherUrl = this.http.send(HttpRequest.newBuilder(URI.create(smsUrl + "?x=1"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("X-Twilio-Signature", signature)
			.POST(HttpRequest.BodyPublishers.ofString(form(fields)))
			.build(), HttpResponse.BodyHandlers.ofString());
		HttpResponse<String> otherBody = this.http.send(HttpRequest.newBuilder(URI.create(smsUrl))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("X-Twilio-Signature", signature)
			.POST(HttpRequest.BodyPublishers.ofString(form(tampered)))
			.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(List.of(unsigned, otherToken, otherUrl, otherBody)).allSatisfy((response) -> {
			assertThat(response.statusCode()).isEqualTo(403);
			assertThat(response.body()).contains("X-Twilio-Signature");
		});
		assertThat(jdbc.queryForObject("select count(*) from inbound_messages where message_sid = 'SMunsigned'",
				Integer.class))
			.isZero();
	}

	@Test
	void theSameMessageTwiceIsAnsweredAndTakenOnce() throws Exception {
		String numberId = renewable();
		SentCode code = requestCode(numberId, "SMS");
		Map<String, String> fields = TwilioPhone.fields(code.phoneNumber(), code.text(), "SMtwice");

		HttpResponse<String> first = this.twilio.send(smsUrl, fields, AUTH_TOKEN);
		HttpResponse<String> again = this.twilio.send(smsUrl, fields, AUTH_TOKEN);

		assertThat(first.statusCode()).isEqualTo(200);
		assertThat(again.statusCode()).isEqualTo(200);
		assertThat(again.body()).contains("<Response/>");
		assertThat(jdbc.queryForObject("select count(*) from inbound_messages where message_sid = 'SMtwice'",
				Integer.class))
			.isOne();
		assertThat(jdbc.queryForObject("""
				select count(*) from verification_attempts where number_id = ? and action = 'VERIFY_CODE'""",
				Integer.class, numberId))
			.isOne();
	}

	@Test
	void aVoiceCodeAndCodesWrittenInOtherWaysAreRead() throws Exception {
		SentCode voice = requestCode(renewable(), "VOICE");
		assertThat(voice.text()).startsWith("Verification code is ");
		SentCode spaced = requestCode(renewable(), "SMS");
		SentCode arabic = requestCode(renewable(), "SMS");

		this.twilio.send(smsUrl, TwilioPhone.fields(voice.phoneNumber(), voice.text(), "SMvoice"), AUTH_TOKEN);
		this.twilio.send(smsUrl, TwilioPhone.fields(spaced.phoneNumber(), "Código do WhatsApp: "
				+ spaced.code().substring(0, 3) + " " + spaced.code().substring(3) + ". Não partilhe.", "SMspaced"),
				AUTH_TOKEN);
		this.twilio.send(smsUrl,
				TwilioPhone.fields(arabic.phoneNumber(), "رمز واتساب " + arabicIndic(arabic.code()), "SMarabic"),
				AUTH_TOKEN);

		assertThat(message("SMvoice").get("outcome").asString()).isEqualTo("VERIFIED");
		assertThat(message("SMvoice").get("body").asString()).isEqualTo("Verification code is ******");
		assertThat(message("SMspaced").get("outcome").asString()).isEqualTo("VERIFIED");
		assertThat(message("SMspaced").get("body").asString()).isEqualTo("Código do WhatsApp: *** ***. Não partilhe.");
		assertThat(message("SMarabic").get("outcome").asString()).isEqualTo("VERIFIED");
	}

	@Test
	void messagesWithoutCodeNumberOrPendingRequestEndSoAndCallNoOne() throws Exception {
		String numberId = renewable();
		String phone = phone(numberId);

		this.twilio.send(smsUrl, TwilioPhone.fields(phone, "Your parcel is on its way", "SMnocode"), AUTH_TOKEN);
		this.twilio.send(smsUrl, TwilioPhone.fields("+15550009999", "WhatsApp code 123-456", "SMunknown"), AUTH_TOKEN);
		this.twilio.send(smsUrl, TwilioPhone.fields(phone, "WhatsApp code 123-456", "SMnorequest"), AUTH_TOKEN);

		assertThat(message("SMnocode").get("outcome").asString()).isEqualTo("NO_CODE");
		assertThat(message("SMnocode").get("body").asString()).isEqualTo("Your parcel is on its way");
		assertThat(message("SMunknown").get("outcome").asString()).isEqualTo("UNKNOWN_NUMBER");
		assertThat(message("SMnorequest").get("outcome").asString()).isEqualTo("NO_PENDING_REQUEST");
		assertThat(message("SMnorequest").get("number_id").asString()).isEqualTo(numberId);
		assertThat(message("SMnorequest").get("body").asString()).isEqualTo("WhatsApp code ***-***");
		assertThat(graphApi.requests()).noneMatch((request) -> request.getUrl().encodedPath().contains(numberId));
	}

	@Test
	void aCodeUpstreamRefusesIsKeptRefusedAndANewCodeFromTheInboxRenewsTheNumber() throws Exception {
		String numberId = renewable();
		SentCode code = requestCode(numberId, "SMS");
		String wrong = code.code().equals("271828") ? "314159" : "271828";

		this.twilio.send(smsUrl, TwilioPhone.fields(code.phoneNumber(), "WhatsApp code " + wrong, "SMwrong"),
				AUTH_TOKEN);
		JsonNode refused = message("SMwrong");
		HttpResponse<String> again = post("/api/v1/inbound-messages/" + refused.get("id").asLong() + "/request-code",
				"");
		SentCode fresh = await().atMost(Duration.ofSeconds(10))
			.until(() -> last(numberId), (last) -> last != null && last != code);
		this.twilio.send(smsUrl, TwilioPhone.fields(fresh.phoneNumber(), fresh.text(), "SMfresh"), AUTH_TOKEN);

		assertThat(refused.get("outcome").asString()).isEqualTo("REFUSED");
		assertThat(refused.at("/error/code").asInt()).isEqualTo(136025);
		assertThat(refused.get("body").asString()).isEqualTo("WhatsApp code ******");
		assertThat(again.statusCode()).isEqualTo(202);
		assertThat(message("SMfresh").get("outcome").asString()).isEqualTo("VERIFIED");
	}

	@Test
	void aRefusalOtherThanAWrongCodeIsKeptWithUpstreamsError() throws Exception {
		String numberId = renewable();
		SentCode code = requestCode(numberId, "SMS");
		graphApi.intercept((call, request) -> request.getUrl().encodedPath().endsWith(numberId + "/verify_code")
				? GraphApiFaults.error(400, 100, "OAuthException", "(#100) Invalid parameter") : null);
		try {
			this.twilio.send(smsUrl, TwilioPhone.fields(code.phoneNumber(), code.text(), "SMrefused"), AUTH_TOKEN);
		}
		finally {
			graphApi.intercept((call, request) -> null);
		}

		JsonNode message = message("SMrefused");
		assertThat(message.get("outcome").asString()).isEqualTo("REFUSED");
		assertThat(message.at("/error/code").asInt()).isEqualTo(100);
		assertThat(message.at("/error/message").asString()).contains("Invalid parameter");
	}

	@Test
	void aMessagePassedOnThroughTheApiRenewsTheNumberAndBadInputIsRefused() throws Exception {
		String numberId = renewable();
		SentCode code = requestCode(numberId, "SMS");

		HttpResponse<String> passedOn = post("/api/v1/inbound-messages", json
			.writeValueAsString(Map.of("to", code.phoneNumber(), "body", code.text(), "from", "a person who read it")));
		HttpResponse<String> noTo = post("/api/v1/inbound-messages", "{\"body\": \"WhatsApp code 123-456\"}");
		HttpResponse<String> notAPhone = post("/api/v1/inbound-messages",
				"{\"to\": \"call me\", \"body\": \"WhatsApp code 123-456\"}");
		HttpResponse<String> noBody = post("/api/v1/inbound-messages", "{\"to\": \"+15550100000\"}");
		HttpResponse<String> unknownOutcome = get("/api/v1/inbound-messages?outcome=LOST");

		assertThat(passedOn.statusCode()).isEqualTo(201);
		assertThat(json.readTree(passedOn.body()).get("outcome").asString()).isEqualTo("VERIFIED");
		assertThat(passedOn.body()).doesNotContain(code.code());
		assertThat(List.of(noTo, notAPhone, noBody, unknownOutcome)).allSatisfy((response) -> {
			assertThat(response.statusCode()).isEqualTo(400);
			assertThat(response.headers().firstValue("Content-Type").orElseThrow())
				.startsWith("application/problem+json");
		});
	}

	// a listed number upstream renews now, a different one for each test
	private static String renewable() {
		return jdbc.queryForObject("""
				select id from numbers where removed_at is null and (code_verification_status <> 'VERIFIED'
				    or verification_expiry_time < now() + interval '44 days')
				order by id offset ? limit 1""", String.class, picked.getAndIncrement());
	}

	private static String phone(String numberId) {
		return jdbc.queryForObject("select phone_number from numbers where id = ?", String.class, numberId);
	}

	private SentCode requestCode(String numberId, String method) throws Exception {
		HttpResponse<String> requested = post("/api/v1/numbers/" + numberId + "/request-code",
				"{\"code_method\": \"" + method + "\"}");
		assertThat(requested.statusCode()).isEqualTo(202);
		return await().atMost(Duration.ofSeconds(10)).until(() -> last(numberId), (last) -> last != null);
	}

	private static SentCode last(String numberId) {
		return sent.stream().filter((code) -> code.numberId().equals(numberId)).reduce((a, b) -> b).orElse(null);
	}

	private static JsonNode message(String messageSid) throws Exception {
		long id = jdbc.queryForObject("select id from inbound_messages where message_sid = ?", Long.class, messageSid);
		return json.readTree(IsolatedServices.send(service, "GET", "/api/v1/inbound-messages/" + id, null).body());
	}

	private static String arabicIndic(String digits) {
		StringBuilder text = new StringBuilder();
		digits.chars().forEach((digit) -> text.append((char) ('\u0660' + (digit - '0'))));
		return text.toString();
	}

	private static String form(Map<String, String> fields) {
		return fields.entrySet()
			.stream()
			.map((field) -> java.net.URLEncoder.encode(field.getKey(), java.nio.charset.StandardCharsets.UTF_8) + "="
					+ java.net.URLEncoder.encode(field.getValue(), java.nio.charset.StandardCharsets.UTF_8))
			.collect(java.util.stream.Collectors.joining("&"));
	}

	private HttpResponse<String> get(String path) throws Exception {
		return IsolatedServices.send(service, "GET", path, null);
	}

	private HttpResponse<String> post(String path, String body) throws Exception {
		return IsolatedServices.send(service, "POST", path, body);
	}

}
