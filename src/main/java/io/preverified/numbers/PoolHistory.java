package io.preverified.numbers;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import io.preverified.jdbc.SqlArray;
import io.preverified.jdbc.SqlTime;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The trend of each pool: its figures at the last reading of every hour, kept for
 * {@link #KEPT} (table {@code pool_readings}).
 */
@Service
public class PoolHistory {

	/** How long readings are kept, the longest trend there is to ask for. */
	public static final Duration KEPT = Duration.ofDays(30);

	private final JdbcClient jdbc;

	private final Clock clock;

	PoolHistory(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Keeps the pools as just read, as the reading of this hour, of businesses with
	 * numbers stored (one not synced yet is not empty, it is unknown); forgets readings
	 * older than {@link #KEPT}.
	 * @param pools the pools, by business id
	 */
	public void record(Map<String, Pool> pools) {
		Instant now = this.clock.instant();
		List<String> businessIds = List.copyOf(pools.keySet());
		this.jdbc.sql("""
				insert into pool_readings (business_id, hour, offerable, held)
				select b.business_id, :hour, b.offerable, b.held
				from unnest(cast(:businessIds as text[]), cast(:offerable as bigint[]), cast(:held as bigint[]))
				    as b(business_id, offerable, held)
				where exists (select 1 from numbers n where n.business_id = b.business_id)
				on conflict (business_id, hour) do update set offerable = excluded.offerable, held = excluded.held""")
			.param("hour", SqlTime.utc(now.truncatedTo(ChronoUnit.HOURS)))
			.param("businessIds", SqlArray.of("text", businessIds.toArray()))
			.param("offerable",
					SqlArray.of("bigint", businessIds.stream().map((id) -> pools.get(id).offerable()).toArray()))
			.param("held", SqlArray.of("bigint", businessIds.stream().map((id) -> pools.get(id).held()).toArray()))
			.update();
		this.jdbc.sql("delete from pool_readings where hour < :since")
			.param("since", SqlTime.utc(now.minus(KEPT)))
			.update();
	}

	/**
	 * The trend of one pool.
	 * @param businessId the business
	 * @param over how far back
	 * @return its hourly readings, oldest first
	 */
	public List<PoolReading> trend(String businessId, Duration over) {
		return this.jdbc.sql("""
				select hour, offerable, held from pool_readings
				where business_id = :businessId and hour >= :since order by hour""")
			.param("businessId", businessId)
			.param("since", SqlTime.utc(this.clock.instant().minus(over).truncatedTo(ChronoUnit.HOURS)))
			.query((row, index) -> new PoolReading(SqlTime.instant(row, "hour"), row.getLong("offerable"),
					row.getLong("held")))
			.list();
	}

}
