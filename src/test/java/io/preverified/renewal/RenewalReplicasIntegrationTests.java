package io.preverified.renewal;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.preverified.IsolatedServices;
import io.preverified.TestServices;
import io.preverified.graphapi.DemoInventory;
import io.preverified.graphapi.FakeGraphApi;
import io.preverified.graphapi.GraphApiFaults;
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
 * A pool that renews itself: two replicas with renewal on, one Twilio number per pool
 * number delivering each code to the second replica. Codes are asked for once per number,
 * soonest expiry first, within the hourly budget, and the numbers renew; a number whose
 * code request upstream refuses shows why.
 */
@Execution(ExecutionMode.CONCURRENT)
class RenewalReplicasIntegrationTests {

	private static final String BUSINESS = "7701";

	private static final String AUTH_TOKEN = "twilio-auth-token-of-the-renewals";

	private static final int MAX_PER_HOUR = 6;

	@RegisterExtension
	static final TestServices testServices = new TestServices();

	private static final FakeGraphApi graphApi = testServices.graphApi();

	private static final Instant NOW = Instant.now();

	private static final List<Map<String, Object>> inventory = DemoInventory.generate(BUSINESS, "Renewing", 40, NOW);

	private static volatile List<ConfigurableApplicationContext> replicas;

	private static JdbcTemplate jdbc;

	private static TwilioPhone phone;

	private static String refusedNumber;

	// before any renewal: the fake renews the inventory's numbers in place
	private static List<String> dueFirst;

	@BeforeAll
	static void startTwoReplicas() {
		dueFirst = dueInOrder();
		refusedNumber = dueFirst.get(1);
		graphApi.business(BUSINESS, "token-" + BUSINESS, inventory);
		graphApi.intercept((call, request) -> request.getUrl().encodedPath().endsWith(refusedNumber + "/request_code")
				? GraphApiFaults.error(400, 100, "OAuthException", "(#100) Phone number cannot receive SMS") : null);
		IsolatedServices services = testServices.isolated("renewal_replicas");
		jdbc = services.jdbc();
		String[] properties = { "preverified.businesses[0].id=" + BUSINESS,
				"preverified.businesses[0].access-token=token-" + BUSINESS, "preverified.sync.initial-delay=0s",
				"preverified.sync.interval=1h", "preverified.alerts.evaluation-interval=1s",
				"preverified.renewal.enabled=true", "preverified.renewal.max-per-hour=" + MAX_PER_HOUR,
				"preverified.inbound.twilio-auth-token=" + AUTH_TOKEN, "preverified.api.anonymous-writes=true" };
		phone = new TwilioPhone(AUTH_TOKEN,
				() -> (replicas != null) ? IsolatedServices.baseUrl(replicas.get(1)) + "/webhooks/twilio/sms" : null);
		graphApi.onCodeSent(phone);
		replicas = services.startTwoReplicasSynced(properties);
	}

	@AfterAll
	static void stopReplicas() {
		IsolatedServices.stop(replicas);
		phone.close();
	}

	@Test
	void dueNumbersAreAskedForOnceSoonestExpiryFirstWithinTheBudgetAndRenewThemselves() throws Exception {
		assertThat(dueFirst).hasSizeGreaterThan(MAX_PER_HOUR);

		await().atMost(Duration.ofSeconds(30)).until(() -> renewals("RENEWED") == MAX_PER_HOUR - 1);
		// more evaluations on both replicas: the budget is spent, nobody asks again
		Thread.sleep(3000);

		List<String> asked = jdbc.queryForList("""
				select number_id from verification_attempts where requested_by = 'renewal' and action = 'REQUEST_CODE'
				order by number_id""", String.class);
		assertThat(asked).containsExactlyInAnyOrderElementsOf(dueFirst.subList(0, MAX_PER_HOUR));
		assertThat(asked).doesNotHaveDuplicates();
		assertThat(renewals("RENEWED")).isEqualTo(MAX_PER_HOUR - 1);
		for (String numberId : dueFirst.subList(0, MAX_PER_HOUR)) {
			if (!numberId.equals(refusedNumber)) {
				JsonNode number = json(get("/api/v1/numbers/" + numberId));
				assertThat(number.get("code_verification_status").asString()).isEqualTo("VERIFIED");
				assertThat(OffsetDateTime.parse(number.get("verification_expiry_time").asString()).toInstant())
					.isAfter(Instant.now().plus(Duration.ofDays(89)));
			}
		}
		assertThat(
				jdbc.queryForObject("select count(*) from inbound_messages where outcome = 'VERIFIED'", Integer.class))
			.isEqualTo(MAX_PER_HOUR - 1);
		assertThat(counter("preverified_renewals_total", "REQUESTED")).isEqualTo(MAX_PER_HOUR - 1);
		assertThat(counter("preverified_renewals_total", "REFUSED")).isEqualTo(1);
		assertThat(counter("preverified_renewals_total", "RENEWED")).isEqualTo(MAX_PER_HOUR - 1);
	}

	@Test
	void aNumberWhoseCodeRequestIsRefusedShowsWhyAndKeepsItsAlert() throws Exception {
		await().atMost(Duration.ofSeconds(30)).until(() -> renewals("FAILED") == 1);

		JsonNode failed = json(get("/api/v1/renewals?state=FAILED")).at("/data/0");
		assertThat(failed.get("number_id").asString()).isEqualTo(refusedNumber);
		assertThat(failed.get("error").asString()).contains("Phone number cannot receive SMS");
		assertThat(json(get("/api/v1/numbers/" + refusedNumber + "/verification-attempts")).at("/data/0/error/code")
			.asInt()).isEqualTo(100);
		assertThat(get("/api/v1/alerts?business_id=" + BUSINESS)).contains(refusedNumber);
		assertThat(json(get("/api/v1/renewals?state=LOST")).get("status").asInt()).isEqualTo(400);
	}

	private static int renewals(String state) {
		return jdbc.queryForObject("select count(*) from renewals where state = ?", Integer.class, state);
	}

	// the inventory's numbers that need a code, in the order the renewal asks for them
	private static List<String> dueInOrder() {
		Instant startFrom = NOW.plus(Duration.ofDays(40));
		return inventory.stream().filter((number) -> {
			Instant expiry = expiry(number);
			return !"VERIFIED".equals(number.get("code_verification_status")) || !expiry.isAfter(startFrom);
		})
			.sorted(Comparator.comparing(RenewalReplicasIntegrationTests::expiry)
				.thenComparing((number) -> (String) number.get("id")))
			.map((number) -> (String) number.get("id"))
			.toList();
	}

	// never verified: upstream drops it 90 days after it was added (about now)
	private static Instant expiry(Map<String, Object> number) {
		Object expiry = number.get("verification_expiry_time");
		if (expiry == null) {
			return NOW.plus(Duration.ofDays(90));
		}
		return (expiry instanceof Number seconds) ? Instant.ofEpochSecond(seconds.longValue())
				: OffsetDateTime.parse((String) expiry, DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxx"))
					.toInstant();
	}

	private double counter(String name, String outcome) throws Exception {
		double total = 0;
		Pattern sample = Pattern.compile(name + "\\{[^}]*outcome=\"" + outcome + "\"[^}]*} ([0-9.E]+)");
		for (ConfigurableApplicationContext replica : replicas) {
			Matcher matcher = sample.matcher(get(replica, "/actuator/prometheus"));
			while (matcher.find()) {
				total += Double.parseDouble(matcher.group(1));
			}
		}
		return total;
	}

	private String get(String path) throws Exception {
		return get(replicas.get(0), path);
	}

	private String get(ConfigurableApplicationContext replica, String path) throws Exception {
		return IsolatedServices.send(replica, "GET", path, null).body();
	}

	private static JsonNode json(String body) {
		return JsonMapper.builder().build().readTree(body);
	}

}
