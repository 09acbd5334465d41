package io.preverified.numbers;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import io.preverified.DatabaseSlice;
import io.preverified.MutableClock;
import io.preverified.SeededNumbers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A pool country by country and its hourly trend, on the real PostgreSQL with the real
 * schema, rows seeded directly.
 */
@DatabaseSlice
@Import({ Pools.class, PoolHistory.class })
@EnableConfigurationProperties(PoolProperties.class)
class PoolsJdbcTests {

	private static final String BUSINESS = "pool-slice";

	private static final Instant NOW = Instant.parse("2026-12-03T06:20:00Z");

	@Autowired
	private Pools pools;

	@Autowired
	private PoolHistory history;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private MutableClock clock;

	@BeforeEach
	void stopTheClock() {
		this.clock.set(NOW);
	}

	@Test
	void countriesAreTheCallingCodesOfOneToThreeDigitsWithTheirRegions() {
		Instant month = NOW.plus(Duration.ofDays(30));
		seed("us1", "+12025550101", "VERIFIED", month);
		seed("us2", "+12025550102", "VERIFIED", month);
		seed("gb1", "+442079460001", "VERIFIED", month);
		seed("gb2", "+442079460002", "VERIFIED", NOW.plus(Duration.ofDays(2)));
		seed("ie1", "+35312345678", "VERIFIED", month);
		seed("ie2", "+35312345679", "NOT_VERIFIED", null);
		seed("odd", null, "VERIFIED", month);
		seed("gone", "+12025550109", "VERIFIED", month);
		this.jdbc.update("update numbers set removed_at = ? where id = 'gone'", Timestamp.from(NOW));
		this.jdbc.update("update numbers set held_by = 1, held_until = ? where id = 'us2'",
				Timestamp.from(NOW.plusSeconds(600)));

		assertThat(this.pools.byCountry(BUSINESS)).containsExactly(new CountryPool("1", "US", 1, 1),
				new CountryPool("353", "IE", 1, 0), new CountryPool("44", "GB", 1, 0),
				new CountryPool(null, null, 1, 0));
		assertThat(this.pools.of(BUSINESS).offerable()).isEqualTo(4);
	}

	@Test
	void theTrendKeepsTheLastReadingOfEachHourForThirtyDaysOfBusinessesWithNumbers() {
		seed("us1", "+12025550101", "VERIFIED", NOW.plus(Duration.ofDays(30)));
		this.clock.set(NOW.minus(Duration.ofDays(31)));
		this.history.record(Map.of(BUSINESS, Pool.of(90, 0, 0)));
		this.clock.set(NOW.minus(Duration.ofHours(2)));
		this.history.record(Map.of(BUSINESS, Pool.of(50, 1, 0)));
		this.clock.set(NOW);
		this.history.record(Map.of(BUSINESS, Pool.of(40, 2, 0), "not-synced-yet", Pool.of(0, 0, 0)));
		this.clock.set(NOW.plus(Duration.ofMinutes(30)));
		this.history.record(Map.of(BUSINESS, Pool.of(38, 3, 0)));

		assertThat(this.history.trend(BUSINESS, Duration.ofDays(30))).containsExactly(
				new PoolReading(Instant.parse("2026-12-03T04:00:00Z"), 50, 1),
				new PoolReading(Instant.parse("2026-12-03T06:00:00Z"), 38, 3));
		assertThat(this.history.trend(BUSINESS, Duration.ofHours(1)))
			.containsExactly(new PoolReading(Instant.parse("2026-12-03T06:00:00Z"), 38, 3));
		assertThat(this.history.trend("not-synced-yet", Duration.ofDays(30))).isEmpty();
		assertThat(this.jdbc.queryForObject("select count(*) from pool_readings where hour < ?", Integer.class,
				Timestamp.from(NOW.minus(Duration.ofDays(30)))))
			.isZero();
	}

	private void seed(String id, String e164, String status, Instant expiry) {
		new SeededNumbers(this.jdbc).add(id, BUSINESS, status, expiry, NOW.minus(Duration.ofDays(1)));
		this.jdbc.update("update numbers set phone_number_e164 = ? where id = ?", e164, id);
	}

}
