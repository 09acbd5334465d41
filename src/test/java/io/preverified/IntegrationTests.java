package io.preverified;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.preverified.alerts.WebhookReceiver;
import io.preverified.graphapi.FakeGraphApi;
import io.preverified.graphapi.RecordingPauseScheduler;
import io.preverified.graphapi.RecordingPauseSchedulerConfiguration;
import org.junit.jupiter.api.BeforeEach;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Base of the tests that run the whole service against the fake Graph API and real
 * PostgreSQL. Three businesses are configured: {@value #BUSINESS_1} and
 * {@value #BUSINESS_2}, {@value #BUSINESS_3}, with page size 100 and an app secret the
 * fake checks; scheduled runs are far off, so tests start runs themselves; pauses take no
 * time; alert notifications go to a {@link WebhookReceiver}; the clock can be stopped and
 * moved. Every test starts from empty tables, closed circuits, the system time and an
 * empty fake.
 */
@SpringBootTest(properties = { "preverified.api.anonymous-writes=true", "preverified.graph-api.page-size=100",
		"preverified.graph-api.read-timeout=1s", "preverified.graph-api.app-secret=" + IntegrationTests.APP_SECRET,
		"preverified.alerts.evaluation-interval=1h",
		"preverified.alerts.webhook.secret=" + IntegrationTests.WEBHOOK_SECRET,
		"preverified.alerts.webhook.group-wait=1s", "preverified.alerts.webhook.initial-backoff=100ms",
		"preverified.alerts.webhook.max-backoff=1s", "preverified.graph-api.retry.initial-backoff=10ms",
		"preverified.sync.initial-delay=1h", "preverified.businesses[0].id=" + IntegrationTests.BUSINESS_1,
		"preverified.businesses[0].name=First", "preverified.businesses[0].access-token=" + IntegrationTests.TOKEN_1,
		"preverified.businesses[1].id=" + IntegrationTests.BUSINESS_2,
		"preverified.businesses[1].access-token=" + IntegrationTests.TOKEN_2,
		"preverified.businesses[2].id=" + IntegrationTests.BUSINESS_3,
		"preverified.businesses[2].access-token=" + IntegrationTests.TOKEN_3 })
@AutoConfigureMockMvc
@Import({ TestDatabaseConfiguration.class, RecordingPauseSchedulerConfiguration.class,
		MutableClockConfiguration.class })
public abstract class IntegrationTests {

	protected static final String BUSINESS_1 = "1001";

	protected static final String BUSINESS_2 = "1002";

	protected static final String BUSINESS_3 = "1003";

	protected static final String TOKEN_1 = "EAAG-secret-token-one";

	protected static final String TOKEN_2 = "EAAG-secret-token-two";

	protected static final String TOKEN_3 = "EAAG-secret-token-three";

	protected static final String APP_SECRET = "app-secret-that-stays-secret";

	protected static final String WEBHOOK_SECRET = "webhook-secret-that-stays-secret";

	protected static final FakeGraphApi graphApi = FakeGraphApi.start();

	protected static final WebhookReceiver webhookReceiver = WebhookReceiver.start();

	static {
		graphApi.requireAppSecretProof(APP_SECRET);
	}

	protected static final JsonMapper json = JsonMapper.builder().build();

	private static final Map<String, String> NAMES = new ConcurrentHashMap<>();

	@Autowired
	protected MockMvcTester mvc;

	@Autowired
	protected JdbcTemplate jdbc;

	@Autowired
	protected RecordingPauseScheduler pauses;

	@Autowired
	protected MutableClock clock;

	@Autowired
	private CircuitBreakerRegistry circuitBreakers;

	@DynamicPropertySource
	static void graphApiProperties(DynamicPropertyRegistry registry) {
		registry.add("preverified.graph-api.base-url", graphApi::baseUrl);
		registry.add("preverified.alerts.webhook.url", webhookReceiver::url);
	}

	@BeforeEach
	void startFromNothing() {
		graphApi.reset();
		webhookReceiver.reset();
		this.clock.reset();
		this.pauses.clear();
		this.circuitBreakers.getAllCircuitBreakers().forEach(CircuitBreaker::reset);
		truncateTables();
	}

	// the outbox poller reads these tables every second: a truncate may meet it in a
	// deadlock
	private void truncateTables() {
		for (int attempt = 1;; attempt++) {
			try {
				this.jdbc.execute("truncate numbers, number_history, sync_runs, alerts, "
						+ "alert_notifications, webhook_deliveries, verification_attempts, reservations, reservation_numbers, "
						+ "token_checks " + "restart identity cascade");
				return;
			}
			catch (PessimisticLockingFailureException ex) {
				if (attempt == 5) {
					throw ex;
				}
			}
		}
	}

	/**
	 * A number as upstream lists it, verified 90 days before it expires.
	 * @param name its id, or a name that {@link #id(String)} turns into one; its phone
	 * number is {@code +1555000<id>}
	 * @param status its verification status
	 * @param expiry when its verification expires, or {@code null}
	 * @return the record
	 */
	protected static Map<String, Object> number(String name, String status, Instant expiry) {
		Map<String, Object> number = new LinkedHashMap<>();
		String id = id(name);
		number.put("id", id);
		number.put("phone_number", "+1555000" + id);
		number.put("code_verification_status", status);
		if (expiry != null) {
			number.put("code_verification_time", expiry.minus(Duration.ofDays(90)).getEpochSecond());
			number.put("verification_expiry_time", expiry.getEpochSecond());
		}
		return number;
	}

	/**
	 * The id upstream gives a number a test names: upstream ids are digits, and a name
	 * says what a number is for.
	 * @param name digits, kept as they are, or a name
	 * @return the id
	 */
	protected static String id(String name) {
		return name.matches("\\d{1,64}") ? name
				: NAMES.computeIfAbsent(name, (key) -> Integer.toString(8_000_000 + NAMES.size()));
	}

	/**
	 * The name of a number a test named, the reverse of {@link #id(String)}.
	 * @param id its id
	 * @return its name, or the id for a number named by its id
	 */
	protected static String name(String id) {
		return NAMES.entrySet()
			.stream()
			.filter((entry) -> entry.getValue().equals(id))
			.map(Map.Entry::getKey)
			.findFirst()
			.orElse(id);
	}

	/**
	 * Lists these numbers upstream for a business and syncs it.
	 * @param businessId one of the configured businesses
	 * @param numbers its whole inventory
	 */
	@SafeVarargs
	protected final void syncNumbers(String businessId, Map<String, Object>... numbers) {
		String token = switch (businessId) {
			case BUSINESS_1 -> TOKEN_1;
			case BUSINESS_2 -> TOKEN_2;
			default -> TOKEN_3;
		};
		graphApi.business(businessId, token, new CopyOnWriteArrayList<>(List.of(numbers)));
		assertThat(syncAndWait(businessId).get("status").asString()).isEqualTo("SUCCEEDED");
	}

	/**
	 * GETs a path and reads its JSON body, expecting {@code 200}.
	 * @param uri the path with its query, encoded
	 * @return the body
	 */
	protected JsonNode getJson(String uri) {
		MvcTestResult result = this.mvc.get().uri(URI.create(uri)).exchange();
		assertThat(result).hasStatus(HttpStatus.OK);
		return json.readTree(result.getResponse().getContentAsByteArray());
	}

	/**
	 * Starts a run through the API and waits until it has ended and released its lock.
	 * @param businessId the business
	 * @return the run as the API shows it at its end
	 */
	protected JsonNode syncAndWait(String businessId) {
		MvcTestResult started = this.mvc.post().uri("/api/v1/businesses/{id}/sync", businessId).exchange();
		assertThat(started).hasStatus(HttpStatus.ACCEPTED);
		long runId = json.readTree(started.getResponse().getContentAsByteArray()).get("id").asLong();
		return awaitRunEnd(runId);
	}

	protected JsonNode awaitRunEnd(long runId) {
		String businessId = getJson("/api/v1/sync-runs/" + runId).get("business_id").asString();
		await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(20))
			.until(() -> !"RUNNING".equals(getJson("/api/v1/sync-runs/" + runId).get("status").asString()) && this.jdbc
				.queryForObject("select count(*) from shedlock where name = ? and lock_until > timezone('utc', now())",
						Integer.class, "sync-" + businessId) == 0);
		return getJson("/api/v1/sync-runs/" + runId);
	}

}
