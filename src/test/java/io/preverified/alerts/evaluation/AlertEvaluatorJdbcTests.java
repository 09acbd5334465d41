package io.preverified.alerts.evaluation;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.preverified.DatabaseSlice;
import io.preverified.MutableClock;
import io.preverified.SeededNumbers;
import io.preverified.alerts.AlertsProperties;
import io.preverified.businesses.BusinessDirectory;
import io.preverified.businesses.TokenChecks;
import io.preverified.numbers.Pool;
import io.preverified.numbers.Pools;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;

/**
 * The alert evaluation alone, on the real PostgreSQL with the real schema, numbers and
 * alerts seeded directly: which alerts fire at which severity, escalate, follow and
 * resolve, with their notifications, and that one business's evaluation leaves another's
 * alone.
 */
@DatabaseSlice
@Import(AlertEvaluator.class)
@EnableConfigurationProperties(AlertsProperties.class)
@TestPropertySource(properties = "preverified.alerts.webhook.url=http://127.0.0.1:9/alerts")
class AlertEvaluatorJdbcTests {

	private static final String BUSINESS = "alerts-slice";

	private static final String OTHER_BUSINESS = "alerts-slice-other";

	private static final Instant NOW = Instant.parse("2026-12-03T06:00:00Z");

	@Autowired
	private AlertEvaluator evaluator;

	@Autowired
	private MutableClock clock;

	@Autowired
	private JdbcTemplate jdbc;

	// which businesses the service keeps: the directory's own tests read them from the
	// configuration and the database
	@MockitoBean
	private BusinessDirectory businesses;

	// what upstream said of the tokens: the businesses module's own tests read it from
	// its
	// table
	@MockitoBean
	private TokenChecks tokens;

	// each business's pool: the numbers module's own tests count it in the database
	@MockitoBean
	private Pools pools;

	@BeforeEach
	void stopTheClock() {
		this.clock.set(NOW);
		given(this.businesses.ids()).willReturn(List.of(BUSINESS, OTHER_BUSINESS));
	}

	@Test
	void aRejectedTokenFiresOneAlertOfItsBusinessUntilATokenIsAcceptedAgain() {
		given(this.tokens.rejected()).willReturn(List.of(BUSINESS));

		this.evaluator.evaluate();
		this.evaluator.evaluate(BUSINESS);

		assertThat(this.jdbc.queryForList(
				"select kind || ':' || severity || ':' || state from alerts where business_id = ? and number_id is null",
				String.class, BUSINESS))
			.containsExactly("TOKEN:CRITICAL:FIRING");
		given(this.tokens.rejected()).willReturn(List.of());
		this.evaluator.evaluate(BUSINESS);
		assertThat(this.jdbc.queryForList("select state from alerts where business_id = ? and kind = 'TOKEN'",
				String.class, BUSINESS))
			.containsExactly("RESOLVED");
		assertThat(
				this.jdbc.queryForList("select n.status from alert_notifications n join alerts a on a.id = n.alert_id "
						+ "where a.kind = 'TOKEN' and a.business_id = ? order by n.id", String.class, BUSINESS))
			.containsExactly("firing", "resolved");
	}

	@Test
	void aPoolBelowItsMinimumFiresAnAlertOfItsBusinessThatFollowsItsSeverityAndResolves() {
		given(this.pools.minOfferable()).willReturn(5);
		given(this.pools.watched(List.of(BUSINESS, OTHER_BUSINESS)))
			.willReturn(Map.of(BUSINESS, new Pool(2, 3, 0, 0, null), OTHER_BUSINESS, new Pool(9, 0, 0, 0, null)));

		this.evaluator.evaluate();
		assertThat(poolAlerts()).containsExactly("POOL:WARNING:FIRING");

		given(this.pools.watched(List.of(BUSINESS, OTHER_BUSINESS)))
			.willReturn(Map.of(BUSINESS, new Pool(0, 5, 0, 0, null), OTHER_BUSINESS, new Pool(9, 0, 0, 0, null)));
		this.evaluator.evaluate();
		assertThat(poolAlerts()).containsExactly("POOL:CRITICAL:FIRING");

		given(this.pools.watched(List.of(BUSINESS, OTHER_BUSINESS)))
			.willReturn(Map.of(BUSINESS, new Pool(6, 0, 0, 0, null), OTHER_BUSINESS, new Pool(9, 0, 0, 0, null)));
		this.evaluator.evaluate();
		assertThat(poolAlerts()).containsExactly("POOL:CRITICAL:RESOLVED");
		assertThat(
				this.jdbc.queryForList("select n.status from alert_notifications n join alerts a on a.id = n.alert_id "
						+ "where a.kind = 'POOL' order by n.id", String.class))
			.containsExactly("firing", "firing", "resolved");
	}

	private List<String> poolAlerts() {
		return this.jdbc.queryForList("select kind || ':' || severity || ':' || state from alerts "
				+ "where business_id = ? and kind = 'POOL' order by id", String.class, BUSINESS);
	}

	@Test
	void aNumberNeverVerified75DaysAfterItWasFirstSeenFiresBeforeUpstreamDropsIt() {
		new SeededNumbers(this.jdbc).add("d-old", BUSINESS, "NOT_VERIFIED", null, NOW.minus(Duration.ofDays(76)));
		new SeededNumbers(this.jdbc).add("d-new", BUSINESS, "NOT_VERIFIED", null, NOW.minus(Duration.ofDays(10)));

		this.evaluator.evaluate(BUSINESS);

		assertThat(this.jdbc.queryForList(
				"select number_id || ':' || severity from alerts where number_id like 'd-%' and state = 'FIRING'",
				String.class))
			.containsExactly("d-old:UNVERIFIED_DROP");
	}

	@Test
	void alertsOfABusinessNoLongerKeptResolve() {
		seed("r-1", BUSINESS, "VERIFIED", NOW.plus(Duration.ofDays(2)));
		this.evaluator.evaluate();
		given(this.businesses.ids()).willReturn(List.of(OTHER_BUSINESS));

		this.evaluator.evaluate();

		assertThat(this.jdbc.queryForList("select state from alerts where number_id = 'r-1'", String.class))
			.containsExactly("RESOLVED");
	}

	@Test
	void listedNumbersWithinTheWindowFireAtTheirSeverity() {
		seed("a-window", BUSINESS, "VERIFIED", NOW.plus(Duration.ofDays(40)));
		seed("a-warning", BUSINESS, "VERIFIED", NOW.plus(Duration.ofDays(10)));
		seed("a-critical", BUSINESS, "VERIFIED", NOW.plus(Duration.ofDays(2)));
		seed("a-past", BUSINESS, "VERIFIED", NOW.minus(Duration.ofDays(1)));
		seed("a-expired", BUSINESS, "EXPIRED", NOW.plus(Duration.ofDays(60)));
		seed("a-far", BUSINESS, "VERIFIED", NOW.plus(Duration.ofDays(60)));
		seed("a-removed", BUSINESS, "VERIFIED", NOW.plus(Duration.ofDays(2)));
		new SeededNumbers(this.jdbc).remove("a-removed", NOW);
		seed("a-elsewhere", OTHER_BUSINESS, "VERIFIED", NOW.plus(Duration.ofDays(2)));

		assertThat(this.evaluator.evaluate(BUSINESS)).isEqualTo(5);

		assertThat(this.jdbc.queryForList(
				"select number_id || ':' || severity || ':' || state from alerts where business_id = ? order by number_id",
				String.class, BUSINESS))
			.containsExactly("a-critical:CRITICAL:FIRING", "a-expired:EXPIRED:FIRING", "a-past:EXPIRED:FIRING",
					"a-warning:WARNING:FIRING", "a-window:REVERIFY_WINDOW:FIRING");
		assertThat(notifications("firing")).isEqualTo(5);
		assertThat(this.jdbc.queryForObject("select count(*) from alerts where business_id = ?", Integer.class,
				OTHER_BUSINESS))
			.as("another business's numbers wait for their own evaluation")
			.isZero();
		assertThat(this.evaluator.evaluate(BUSINESS)).as("a second evaluation finds nothing to change").isZero();
	}

	@Test
	void acknowledgedAlertFiresAgainWhenItEscalatesAndResolvesWhenReverified() {
		seed("b-1", BUSINESS, "VERIFIED", NOW.plus(Duration.ofDays(10)));
		this.evaluator.evaluate(BUSINESS);
		this.jdbc.update("update alerts set state = 'ACKNOWLEDGED', acknowledged_at = ? where number_id = 'b-1'",
				Timestamp.from(NOW));

		this.clock.set(NOW.plus(Duration.ofDays(8)));
		this.evaluator.evaluate(BUSINESS);

		assertThat(this.jdbc.queryForMap(
				"select severity, state, acknowledged_at, fired_at from alerts where number_id = 'b-1' and state <> 'RESOLVED'"))
			.containsEntry("severity", "CRITICAL")
			.containsEntry("state", "FIRING")
			.containsEntry("acknowledged_at", null)
			.containsEntry("fired_at", Timestamp.from(NOW.plus(Duration.ofDays(8))));
		assertThat(notifications("firing")).isEqualTo(2);

		this.jdbc.update("update numbers set verification_expiry_time = ? where id = 'b-1'",
				Timestamp.from(NOW.plus(Duration.ofDays(90))));
		this.evaluator.evaluate(BUSINESS);

		assertThat(this.jdbc.queryForList("select state from alerts where number_id = 'b-1'", String.class))
			.containsExactly("RESOLVED");
		assertThat(notifications("resolved")).isEqualTo(1);
	}

	@Test
	void alertFollowsItsNumberToAnotherBusinessAndResolvesWhenTheNumberLeaves() {
		seed("c-1", BUSINESS, "VERIFIED", NOW.plus(Duration.ofDays(10)));
		this.evaluator.evaluate(BUSINESS);
		this.jdbc.update("update numbers set business_id = ? where id = 'c-1'", OTHER_BUSINESS);

		assertThat(this.evaluator.evaluate(BUSINESS)).as("not this business's number any more").isZero();
		this.evaluator.evaluate(OTHER_BUSINESS);

		assertThat(this.jdbc.queryForList("select business_id || ':' || state from alerts where number_id = 'c-1'",
				String.class))
			.containsExactly(OTHER_BUSINESS + ":FIRING");

		new SeededNumbers(this.jdbc).remove("c-1", NOW);
		this.evaluator.evaluate();

		assertThat(this.jdbc.queryForList("select state from alerts where number_id = 'c-1'", String.class))
			.containsExactly("RESOLVED");
	}

	private int notifications(String status) {
		return this.jdbc.queryForObject(
				"select count(*) from alert_notifications where business_id in (?, ?) and status = ?", Integer.class,
				BUSINESS, OTHER_BUSINESS, status);
	}

	private void seed(String id, String businessId, String status, Instant expiry) {
		new SeededNumbers(this.jdbc).add(id, businessId, status, expiry, NOW.minus(Duration.ofDays(60)));
	}

}
