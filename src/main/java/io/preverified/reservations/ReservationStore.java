package io.preverified.reservations;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import io.preverified.jdbc.ListQuery;
import io.preverified.jdbc.SqlTime;
import io.preverified.numbers.Pools;
import io.preverified.web.BusinessScope;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reservations and the holds on numbers, in SQL: the choice of numbers locks its rows
 * with {@code FOR UPDATE SKIP LOCKED}, so two transactions, on any replica, never choose
 * the same number.
 */
@Repository
class ReservationStore {

	private static final String COLUMNS = """
			r.id, r.business_id, r.reference, r.state, r.claimed_number_id, r.created_at, r.expires_at, r.ended_at,
			array(select rn.number_id from reservation_numbers rn where rn.reservation_id = r.id
			    order by rn.position) as number_ids""";

	// a number of the country asked for, when one is: E.164 country codes are prefix-free
	private static final String OF_COUNTRY = "(cast(:country as text) is null or n.phone_number_e164 like :countryPrefix)";

	// soonest expiry first
	private static final String HOLDABLE = """
			select n.id from numbers n
			where n.business_id = :businessId and %s and %s
			order by n.verification_expiry_time, n.id
			limit :count
			for update of n skip locked""".formatted(Pools.HOLDABLE, OF_COUNTRY);

	private final JdbcClient jdbc;

	ReservationStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<String> lockHoldable(String businessId, Instant validUntil, Instant now, int count, String country) {
		return holdable(this.jdbc.sql(HOLDABLE).param("businessId", businessId), validUntil, now, count, country)
			.query(String.class)
			.list();
	}

	Optional<String> businessWithEnough(List<String> businessIds, Instant validUntil, Instant now, int count,
			String country) {
		if (businessIds.isEmpty()) {
			return Optional.empty();
		}
		return holdable(this.jdbc.sql("""
				select n.business_id from numbers n
				where n.business_id in (:businessIds) and %s and %s
				group by n.business_id having count(*) >= :count
				order by min(n.verification_expiry_time) limit 1""".formatted(Pools.HOLDABLE, OF_COUNTRY))
			.param("businessIds", businessIds), validUntil, now, count, country).query(String.class).optional();
	}

	// the parameters of a holdable number of a country, and how many
	private static JdbcClient.StatementSpec holdable(JdbcClient.StatementSpec statement, Instant validUntil,
			Instant now, int count, String country) {
		return statement.param("country", country)
			.param("countryPrefix", "+" + country + "%")
			.param("validUntil", SqlTime.utc(validUntil))
			.param("now", SqlTime.utc(now))
			.param("count", count);
	}

	long create(String businessId, String reference, Instant now, Instant expiresAt, List<String> numberIds) {
		long id = this.jdbc.sql("""
				insert into reservations (business_id, reference, state, created_at, expires_at)
				values (:businessId, :reference, 'HELD', :now, :expiresAt) returning id""")
			.param("businessId", businessId)
			.param("reference", reference)
			.param("now", SqlTime.utc(now))
			.param("expiresAt", SqlTime.utc(expiresAt))
			.query(Long.class)
			.single();
		this.jdbc
			.sql("""
					insert into reservation_numbers (reservation_id, number_id, position)
					select :id, number_id, position from unnest(cast(:numberIds as text[])) with ordinality as held(number_id, position)""")
			.param("id", id)
			.param("numberIds", numberIds.toArray(String[]::new))
			.update();
		this.jdbc.sql("update numbers set held_by = :id, held_until = :expiresAt where id in (:numberIds)")
			.param("id", id)
			.param("expiresAt", SqlTime.utc(expiresAt))
			.param("numberIds", numberIds)
			.update();
		return id;
	}

	Optional<Reservation> find(long id) {
		return this.jdbc.sql("select " + COLUMNS + " from reservations r where r.id = :id")
			.param("id", id)
			.query(ReservationStore::reservation)
			.optional();
	}

	// filtered by the state each shows: a hold past its end is EXPIRED, recorded or not
	List<Reservation> newestFirst(String businessId, String state, Long afterId, int limit, Instant now) {
		return ListQuery.of("select " + COLUMNS + " from reservations r")
			.where("r.business_id = :businessId", "businessId", businessId)
			.where("(case when r.state = 'HELD' and r.expires_at <= :now then 'EXPIRED' else r.state end) = :state",
					"state", state)
			.param("now", SqlTime.utc(now))
			.after("r.id < :afterId", (afterId != null) ? Map.of("afterId", afterId) : null)
			.where(BusinessScope.sql("r.business_id"), "scope", BusinessScope.current().sqlParameter())
			.list(this.jdbc, "r.id desc", limit, ReservationStore::reservation);
	}

	/**
	 * Ends a held reservation and frees its numbers.
	 * @param id the reservation
	 * @param now the time it ends
	 * @return whether it was held
	 */
	/**
	 * Ends every held reservation of a business, and frees their numbers.
	 * @param businessId the business
	 * @param now the time they end
	 * @return how many ended
	 */
	int releaseAll(String businessId, Instant now) {
		List<Long> released = this.jdbc.sql("""
				update reservations set state = 'RELEASED', ended_at = :now
				where business_id = :businessId and state = 'HELD' returning id""")
			.param("businessId", businessId)
			.param("now", SqlTime.utc(now))
			.query(Long.class)
			.list();
		free(released);
		return released.size();
	}

	boolean release(long id, Instant now) {
		int released = this.jdbc.sql("""
				update reservations set state = 'RELEASED', ended_at = :now
				where id = :id and state = 'HELD' and expires_at > :now""")
			.param("id", id)
			.param("now", SqlTime.utc(now))
			.update();
		free(List.of(id));
		return released > 0;
	}

	/**
	 * Records the holds that ended by themselves.
	 * @param now the time of the sweep
	 * @return the business of each expired reservation
	 */
	List<String> expire(Instant now) {
		List<Map.Entry<Long, String>> expired = this.jdbc.sql("""
				update reservations set state = 'EXPIRED', ended_at = expires_at
				where state = 'HELD' and expires_at <= :now returning id, business_id""")
			.param("now", SqlTime.utc(now))
			.query((row, index) -> Map.entry(row.getLong("id"), row.getString("business_id")))
			.list();
		free(expired.stream().map(Map.Entry::getKey).toList());
		return expired.stream().map(Map.Entry::getValue).toList();
	}

	/**
	 * Ends as claimed the held reservations one of whose numbers left the pool, and frees
	 * their other numbers.
	 * @return each reservation ended, with the number that left
	 */
	List<Claimed> claimUnlisted() {
		List<Claimed> claimed = this.jdbc.sql("""
				update reservations r set state = 'CLAIMED', claimed_number_id = gone.id, ended_at = gone.removed_at
				from (select distinct on (n.held_by) n.held_by, n.id, n.removed_at from numbers n
				    where n.held_by is not null and n.removed_at is not null order by n.held_by, n.removed_at) gone
				where r.id = gone.held_by and r.state = 'HELD' and r.expires_at > gone.removed_at
				returning r.id, r.business_id, r.claimed_number_id, r.ended_at""")
			.query((row, index) -> new Claimed(row.getLong("id"), row.getString("business_id"),
					row.getString("claimed_number_id"), SqlTime.instant(row, "ended_at")))
			.list();
		free(claimed.stream().map(Claimed::reservationId).toList());
		return claimed;
	}

	/**
	 * Ends as claimed the held reservation that holds a number a customer took, and frees
	 * its other numbers.
	 * @param numberId the number
	 * @param at when it was claimed
	 * @return the reservation ended, if one held it
	 */
	Optional<Claimed> claim(String numberId, Instant at) {
		Optional<Claimed> claimed = this.jdbc.sql("""
				update reservations r set state = 'CLAIMED', claimed_number_id = n.id, ended_at = :at
				from numbers n where n.id = :numberId and n.held_by = r.id and r.state = 'HELD' and r.expires_at > :at
				returning r.id, r.business_id, r.claimed_number_id, r.ended_at""")
			.param("numberId", numberId)
			.param("at", SqlTime.utc(at))
			.query((row, index) -> new Claimed(row.getLong("id"), row.getString("business_id"),
					row.getString("claimed_number_id"), SqlTime.instant(row, "ended_at")))
			.optional();
		claimed.ifPresent((reservation) -> free(List.of(reservation.reservationId())));
		return claimed;
	}

	Map<String, Long> heldByBusiness(Instant now) {
		return this.jdbc.sql("""
				select business_id, count(*) from numbers where held_until > :now and removed_at is null
				group by business_id""")
			.param("now", SqlTime.utc(now))
			.query((row, index) -> Map.entry(row.getString(1), row.getLong(2)))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	private void free(List<Long> reservationIds) {
		if (!reservationIds.isEmpty()) {
			this.jdbc.sql("update numbers set held_by = null, held_until = null where held_by in (:ids)")
				.param("ids", reservationIds)
				.update();
		}
	}

	private static Reservation reservation(ResultSet row, int index) throws SQLException {
		String[] numberIds = (String[]) row.getArray("number_ids").getArray();
		return new Reservation(row.getLong("id"), row.getString("business_id"), row.getString("reference"),
				row.getString("state"), row.getString("claimed_number_id"), SqlTime.instant(row, "created_at"),
				SqlTime.instant(row, "expires_at"), SqlTime.instant(row, "ended_at"), Arrays.asList(numberIds));
	}

	/**
	 * A reservation ended because a customer claimed one of its numbers.
	 *
	 * @param reservationId the reservation
	 * @param businessId its business
	 * @param numberId the number claimed
	 * @param at when
	 */
	record Claimed(long reservationId, String businessId, String numberId, Instant at) {

	}

}
