package io.preverified.alerts.reports;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.preverified.DatabaseSlice;
import io.preverified.MutableClock;
import io.preverified.SeededNumbers;
import io.preverified.alerts.AlertsProperties;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The weekly expiry counts the console's chart reads, on the real PostgreSQL with numbers
 * seeded directly.
 */
@DatabaseSlice
@Import(ExpiryQueries.class)
@EnableConfigurationProperties(AlertsProperties.class)
class ExpiryQueriesJdbcTests {

	private static final String BUSINESS = "expiries-slice";

	private static final String OTHER_BUSINESS = "expiries-slice-other";

	private static final Instant NOW = Instant.parse("2026-12-03T06:00:00Z");

	@Autowired
	private ExpiryQueries queries;

	@Autowired
	private MutableClock clock;

	@Autowired
	private JdbcTemplate jdbc;

	@Test
	void listedNumbersAreCountedInTheWeekTheyExpireAtTheSeverityTheyHaveNow() {
		this.clock.set(NOW);
		seed("e1", BUSINESS, "VERIFIED", NOW.plus(Duration.ofDays(1)));
		seed("e2", BUSINESS, "VERIFIED", NOW.plus(Duration.ofDays(5)));
		seed("e3", BUSINESS, "VERIFIED", NOW.plus(Duration.ofDays(10)));
		seed("e4", BUSINESS, "VERIFIED", NOW.plus(Duration.ofDays(20)));
		seed("e5", BUSINESS, "VERIFIED", NOW.plus(Duration.ofDays(80)));
		seed("e6", BUSINESS, "VERIFIED", NOW.plus(Duration.ofDays(200)));
		seed("e7", BUSINESS, "NOT_VERIFIED", null);
		seed("e8", BUSINESS, "VERIFIED", NOW.plus(Duration.ofDays(2)));
		new SeededNumbers(this.jdbc).remove("e8", NOW);
		seed("e9", OTHER_BUSINESS, "VERIFIED", NOW.plus(Duration.ofDays(2)));

		List<ExpiryQueries.Week> weeks = this.queries.weeks(BUSINESS, 13);

		assertThat(weeks).hasSize(13);
		assertThat(weeks.get(0).weekStart()).isEqualTo(NOW);
		assertThat(weeks.get(0).weekEnd()).isEqualTo(NOW.plus(Duration.ofDays(7)));
		assertThat(weeks.get(12).weekEnd()).isEqualTo(NOW.plus(Duration.ofDays(91)));
		assertThat(weeks.get(0).bySeverity())
			.isEqualTo(Map.of("REVERIFY_WINDOW", 0L, "WARNING", 1L, "CRITICAL", 1L, "EXPIRED", 0L));
		assertThat(weeks.get(1).bySeverity()).containsEntry("WARNING", 1L);
		assertThat(weeks.get(2).bySeverity()).containsEntry("REVERIFY_WINDOW", 1L);
		assertThat(weeks.get(11).bySeverity()).containsEntry("REVERIFY_WINDOW", 1L);
		assertThat(
				weeks.stream().flatMap((week) -> week.bySeverity().values().stream()).mapToLong(Long::longValue).sum())
			.as("the removed number, the one beyond 13 weeks and the one without expiry are not counted")
			.isEqualTo(5);
	}

	@Test
	void everyBusinessCountsTogetherWithoutABusiness() {
		this.clock.set(NOW);
		long before = this.queries.weeks(null, 1).get(0).bySeverity().get("CRITICAL");
		seed("e1", BUSINESS, "VERIFIED", NOW.plus(Duration.ofDays(1)));
		seed("e9", OTHER_BUSINESS, "VERIFIED", NOW.plus(Duration.ofDays(2)));

		List<ExpiryQueries.Week> weeks = this.queries.weeks(null, 1);

		assertThat(weeks).hasSize(1);
		assertThat(weeks.get(0).bySeverity().get("CRITICAL")).isEqualTo(before + 2);
		assertThat(this.queries.weeks(OTHER_BUSINESS, 52)).hasSize(52)
			.first()
			.satisfies((week) -> assertThat(week.bySeverity()).containsEntry("CRITICAL", 1L));
	}

	private void seed(String id, String businessId, String status, Instant expiry) {
		new SeededNumbers(this.jdbc).add(id, businessId, status, expiry, NOW.minus(Duration.ofDays(60)));
	}

}
