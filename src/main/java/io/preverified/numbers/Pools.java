package io.preverified.numbers;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.preverified.jdbc.SqlArray;
import io.preverified.jdbc.SqlTime;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Each business's pool: how many numbers it can still hand out, how many are held, and
 * how fast customers claim them, counted in the database.
 */
@Service
public class Pools {

	/**
	 * A number that a reservation may hold: listed, VERIFIED for at least
	 * {@code :validUntil}, held by no live reservation, no delete in flight. The one
	 * definition, for the pool and for reservations alike.
	 */
	public static final String HOLDABLE = """
			n.removed_at is null and n.code_verification_status = 'VERIFIED'
			and n.verification_expiry_time >= :validUntil and (n.held_until is null or n.held_until <= :now)
			and (n.deleting_until is null or n.deleting_until <= :now)""";

	private static final Duration CLAIMS_WINDOW = Duration.ofDays(30);

	private static final String FIGURES = """
			select b.business_id,
			    (select count(*) from numbers n where n.business_id = b.business_id and %s) as offerable,
			    (select count(*) from numbers n where n.business_id = b.business_id and n.removed_at is null
			        and n.held_until > :now) as held,
			    (select count(*) from claims c where c.business_id = b.business_id and c.claimed_at > :claimsSince)
			        as claimed
			from unnest(cast(:businessIds as text[])) as b(business_id)""".formatted(HOLDABLE);

	private static final String BY_COUNTRY = """
			select c.code, count(*) filter (where %s) as offerable,
			    count(*) filter (where n.held_until > :now) as held
			from numbers n cross join lateral (select %s as code) c
			where n.business_id = :businessId and n.removed_at is null
			group by c.code order by offerable desc, c.code""".formatted(HOLDABLE, CallingCodes.OF_NUMBER);

	private final JdbcClient jdbc;

	private final PoolProperties properties;

	private final Clock clock;

	Pools(JdbcClient jdbc, PoolProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * The pools of some businesses.
	 * @param businessIds the businesses
	 * @return their pools, by business id
	 */
	public Map<String, Pool> of(Collection<String> businessIds) {
		Instant now = this.clock.instant();
		Map<String, Pool> pools = new HashMap<>();
		this.jdbc.sql(FIGURES)
			.param("businessIds", SqlArray.of("text", businessIds.toArray()))
			.param("validUntil", SqlTime.utc(now.plus(this.properties.offerableValidFor())))
			.param("now", SqlTime.utc(now))
			.param("claimsSince", SqlTime.utc(now.minus(CLAIMS_WINDOW)))
			.query((row, index) -> pools.put(row.getString("business_id"),
					Pool.of(row.getLong("offerable"), row.getLong("held"), row.getLong("claimed"))))
			.list();
		return pools;
	}

	/**
	 * The pools to watch: those of businesses with numbers stored, since a business not
	 * synced yet has nothing to offer and no reason to alarm.
	 * @param businessIds the businesses
	 * @return their pools, by business id
	 */
	public Map<String, Pool> watched(Collection<String> businessIds) {
		List<String> stocked = this.jdbc
			.sql("select business_id from unnest(cast(:businessIds as text[])) as b(business_id) "
					+ "where exists (select 1 from numbers n where n.business_id = b.business_id)")
			.param("businessIds", SqlArray.of("text", businessIds.toArray()))
			.query(String.class)
			.list();
		return of(stocked);
	}

	/**
	 * The pool of one business.
	 * @param businessId the business
	 * @return its pool
	 */
	public Pool of(String businessId) {
		return of(List.of(businessId)).getOrDefault(businessId, Pool.EMPTY);
	}

	/**
	 * The pool of one business, country by country.
	 * @param businessId the business
	 * @return the countries of its listed numbers, those with the most to offer first
	 */
	public List<CountryPool> byCountry(String businessId) {
		Instant now = this.clock.instant();
		return this.jdbc.sql(BY_COUNTRY)
			.param("businessId", businessId)
			.param("callingCodes", SqlArray.of("text", CallingCodes.sqlParameter()))
			.param("validUntil", SqlTime.utc(now.plus(this.properties.offerableValidFor())))
			.param("now", SqlTime.utc(now))
			.query((row, index) -> {
				String code = row.getString("code");
				return new CountryPool(code, (code != null) ? CallingCodes.regionOf(code) : null,
						row.getLong("offerable"), row.getLong("held"));
			})
			.list();
	}

	/**
	 * How many offerable numbers a pool must keep, below which it is low.
	 * @return the minimum; {@code 0} when pools are not watched
	 */
	public int minOfferable() {
		return this.properties.minOfferable();
	}

}
