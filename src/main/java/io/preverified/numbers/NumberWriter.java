package io.preverified.numbers;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.preverified.graphapi.FetchedNumber;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import org.hibernate.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores what a run lists, one statement per page: the database compares the page with
 * the stored rows, inserts new numbers, rewrites only changed ones (with a history entry
 * for a change of status, expiry or removal) and leaves unchanged ones untouched, so a
 * re-sync writes little.
 */
@Service
public class NumberWriter {

	private static final Logger logger = LoggerFactory.getLogger(NumberWriter.class);

	private static final String UPSERT_PAGE = """
			with incoming as (
			    select id, phone_number, phone_number_e164, code_verification_status,
			        to_timestamp(verified) as code_verification_time, to_timestamp(expires) as verification_expiry_time,
			        owner_business_id, owner_business_name
			    from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::float8[], ?::float8[], ?::text[], ?::text[])
			        as page(id, phone_number, phone_number_e164, code_verification_status, verified, expires,
			            owner_business_id, owner_business_name)),
			changed as (
			    select i.*, n.id is null as is_new, n.code_verification_status as old_status,
			        n.verification_expiry_time as old_expiry, n.removed_at as old_removed_at
			    from incoming i left join numbers n on n.id = i.id
			    where n.id is null or n.removed_at is not null or n.removal_held
			    or (n.business_id, n.phone_number, n.code_verification_status, n.code_verification_time,
			        n.verification_expiry_time, n.owner_business_id, n.owner_business_name)
			    is distinct from (?, i.phone_number, i.code_verification_status, i.code_verification_time,
			        i.verification_expiry_time, i.owner_business_id, i.owner_business_name)),
			written as (
			    insert into numbers (id, business_id, phone_number, phone_number_e164, code_verification_status,
			        code_verification_time, verification_expiry_time, owner_business_id, owner_business_name, first_seen_at)
			    select id, ?, phone_number, phone_number_e164, code_verification_status, code_verification_time,
			        verification_expiry_time, owner_business_id, owner_business_name, ? from changed
			    on conflict (id) do update set business_id = excluded.business_id, phone_number = excluded.phone_number,
			        phone_number_e164 = excluded.phone_number_e164,
			        code_verification_status = excluded.code_verification_status,
			        code_verification_time = excluded.code_verification_time,
			        verification_expiry_time = excluded.verification_expiry_time,
			        owner_business_id = excluded.owner_business_id, owner_business_name = excluded.owner_business_name,
			        last_seen_at = null, removed_at = null, removal_reason = null, removal_held = false),
			history as (
			    insert into number_history (id, number_id, run_id, changed_at, old_code_verification_status,
			        new_code_verification_status, old_verification_expiry_time, new_verification_expiry_time,
			        old_removed_at, new_removed_at)
			    select nextval('number_history_seq'), id, ?, ?, old_status, code_verification_status, old_expiry,
			        verification_expiry_time, old_removed_at, null
			    from changed where not is_new
			    and (old_status, old_expiry, old_removed_at)
			        is distinct from (code_verification_status, verification_expiry_time, null::timestamptz)),
			listed as (
			    insert into run_listings (run_id, number_id) select ?, id from incoming on conflict do nothing)
			select count(*) filter (where is_new), count(*) filter (where not is_new),
			    count(*) filter (where is_new and phone_number is not null and phone_number_e164 is null)
			from changed""";

	// numbers a complete run did not list; one first seen after the run began was listed
	// by
	// a later run, never by this one
	private static final String UNLISTED = """
			from numbers n where n.business_id = :businessId and n.removed_at is null
			and n.first_seen_at <= :runStartedAt
			and not exists (select 1 from run_listings l where l.run_id = :runId and l.number_id = n.id)""";

	private static final String COUNT_UNLISTED = """
			select count(*) filter (where not n.removal_held) as fresh, count(*) filter (where n.removal_held) as confirmed,
			    (select count(*) from numbers b where b.business_id = :businessId and b.removed_at is null) as listed
			"""
			+ UNLISTED;

	private static final String HOLD_UNLISTED = "update numbers set removal_held = true where id in (select n.id "
			+ UNLISTED + " and not n.removal_held)";

	private static final String REMOVE_UNLISTED = """
			with removed as (
			    update numbers n set removed_at = :now, removal_held = false,
			        last_seen_at = greatest(n.first_seen_at, :lastListedAt),
			        removal_reason = case when n.code_verification_status = 'VERIFIED' or n.held_until > :now
			            then 'CLAIMED' else 'UNVERIFIED' end
			    where n.id in (select n.id\s""" + UNLISTED + """
			        and (n.removal_held or :removeFresh))
			    returning n.id, n.code_verification_status, n.verification_expiry_time, n.removed_at, n.removal_reason),
			history as (
			    insert into number_history (id, number_id, run_id, changed_at,
			        old_code_verification_status, new_code_verification_status,
			        old_verification_expiry_time, new_verification_expiry_time, old_removed_at, new_removed_at,
			        removal_reason)
			    select nextval('number_history_seq'), id, :runId, :now, code_verification_status,
			        code_verification_status, verification_expiry_time, verification_expiry_time, null, removed_at,
			        removal_reason
			    from removed)
			select removal_reason, count(*) from removed group by removal_reason""";

	private final EntityManager entityManager;

	private final JdbcTemplate jdbc;

	private final RemovedNumbersMetric removedMetric;

	NumberWriter(EntityManager entityManager, JdbcTemplate jdbc, RemovedNumbersMetric removedMetric) {
		this.entityManager = entityManager;
		this.jdbc = jdbc;
		this.removedMetric = removedMetric;
	}

	/**
	 * Writes one page listed by a run, in the caller's transaction.
	 * @param businessId the business the page belongs to
	 * @param runId the run that received it
	 * @param page the numbers of the page
	 * @param now the time of the write
	 * @return what was written
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public PageWriteResult write(String businessId, long runId, List<FetchedNumber> page, Instant now) {
		// upstream listing an id twice on a page counts once; the later record wins
		Map<String, FetchedNumber> listed = page.stream()
			.collect(Collectors.toMap(FetchedNumber::id, Function.identity(), (first, second) -> second,
					LinkedHashMap::new));
		if (listed.isEmpty()) {
			return new PageWriteResult(0, 0, 0);
		}
		int[] counts = this.entityManager.unwrap(Session.class)
			.doReturningWork((connection) -> upsert(connection, businessId, runId, listed.values(), now));
		if (counts[2] > 0) {
			logger.warn("{} new numbers of business {} have a phone number that is neither E.164 nor formatted "
					+ "with a country code; stored as received", counts[2], businessId);
		}
		return new PageWriteResult(counts[0], counts[1], listed.size() - counts[0] - counts[1]);
	}

	private static int[] upsert(Connection connection, String businessId, long runId, Collection<FetchedNumber> numbers,
			Instant now) throws SQLException {
		int size = numbers.size();
		String[] ids = new String[size];
		String[] phones = new String[size];
		String[] e164s = new String[size];
		String[] statuses = new String[size];
		Double[] verified = new Double[size];
		Double[] expiries = new Double[size];
		String[] ownerIds = new String[size];
		String[] ownerNames = new String[size];
		int i = 0;
		for (FetchedNumber number : numbers) {
			ids[i] = number.id();
			phones[i] = number.phoneNumber();
			e164s[i] = PhoneNumbers.toE164(number.phoneNumber()).orElse(null);
			statuses[i] = number.codeVerificationStatus();
			verified[i] = epochSeconds(number.codeVerificationTime());
			expiries[i] = epochSeconds(number.verificationExpiryTime());
			ownerIds[i] = number.ownerBusinessId();
			ownerNames[i] = number.ownerBusinessName();
			i++;
		}
		try (PreparedStatement statement = connection.prepareStatement(UPSERT_PAGE)) {
			statement.setArray(1, connection.createArrayOf("text", ids));
			statement.setArray(2, connection.createArrayOf("text", phones));
			statement.setArray(3, connection.createArrayOf("text", e164s));
			statement.setArray(4, connection.createArrayOf("text", statuses));
			statement.setArray(5, connection.createArrayOf("float8", verified));
			statement.setArray(6, connection.createArrayOf("float8", expiries));
			statement.setArray(7, connection.createArrayOf("text", ownerIds));
			statement.setArray(8, connection.createArrayOf("text", ownerNames));
			statement.setString(9, businessId);
			statement.setString(10, businessId);
			statement.setObject(11, now.atOffset(ZoneOffset.UTC));
			statement.setLong(12, runId);
			statement.setObject(13, now.atOffset(ZoneOffset.UTC));
			statement.setLong(14, runId);
			try (ResultSet result = statement.executeQuery()) {
				result.next();
				return new int[] { result.getInt(1), result.getInt(2), result.getInt(3) };
			}
		}
	}

	private static Double epochSeconds(Instant instant) {
		return (instant != null) ? instant.getEpochSecond() + instant.getNano() / 1e9 : null;
	}

	/**
	 * Marks as removed the numbers of a business that a complete run did not list, unless
	 * the guard finds them too many: then they are held, and removed by the next complete
	 * run that does not list them either.
	 * @param run the complete run and its business
	 * @param guard how many removals are plausible
	 * @param now the time of the removal
	 * @return how many numbers were removed and held
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Removal removeUnlisted(CompleteRun run, RemovalGuard guard, Instant now) {
		this.entityManager.flush();
		Object[] counts = (Object[]) bind(this.entityManager.createNativeQuery(COUNT_UNLISTED), run).getSingleResult();
		long fresh = ((Number) counts[0]).longValue();
		long confirmed = ((Number) counts[1]).longValue();
		long listed = ((Number) counts[2]).longValue();
		boolean hold = fresh > guard.threshold(listed);
		// those held by an earlier run go first, so that what this run holds is only its
		// own
		Map<String, Integer> removedByReason = new LinkedHashMap<>();
		for (Object row : bind(this.entityManager.createNativeQuery(REMOVE_UNLISTED), run)
			.setParameter("lastListedAt", (run.lastListedAt() != null) ? run.lastListedAt() : Instant.EPOCH)
			.setParameter("now", now)
			.setParameter("removeFresh", !hold)
			.getResultList()) {
			Object[] reasonAndCount = (Object[]) row;
			removedByReason.put((String) reasonAndCount[0], ((Number) reasonAndCount[1]).intValue());
		}
		int removed = removedByReason.values().stream().mapToInt(Integer::intValue).sum();
		this.removedMetric.countAfterCommit(run.businessId(), removedByReason);
		if (hold) {
			bind(this.entityManager.createNativeQuery(HOLD_UNLISTED), run).executeUpdate();
			logger.warn(
					"Run {} of business {} no longer lists {} of {} numbers, more than the removal guard allows "
							+ "({}); held until the next complete run confirms",
					run.runId(), run.businessId(), fresh, listed, guard.threshold(listed));
		}
		if (confirmed > 0) {
			logger.info("Run {} of business {} confirmed the removal of {} held numbers", run.runId(), run.businessId(),
					confirmed);
		}
		return new Removal(removed, hold ? Math.toIntExact(fresh) : 0, removedByReason);
	}

	private static Query bind(Query query, CompleteRun run) {
		return query.setParameter("businessId", run.businessId())
			.setParameter("runId", run.runId())
			.setParameter("runStartedAt", run.startedAt());
	}

	/**
	 * A run that listed every page of its business.
	 *
	 * @param businessId the business
	 * @param runId the run
	 * @param startedAt when it began: numbers first seen later were not its to list
	 * @param lastListedAt when the business's previous complete run ended, if any
	 */
	public record CompleteRun(String businessId, long runId, Instant startedAt, Instant lastListedAt) {

	}

	/**
	 * What a complete run did to the numbers it no longer listed.
	 *
	 * @param removed numbers marked as removed
	 * @param held numbers held back by the removal guard
	 * @param removedByReason the removed numbers by {@code removal_reason}
	 */
	public record Removal(int removed, int held, Map<String, Integer> removedByReason) {

	}

	/**
	 * Forgets what a run listed, once it has ended.
	 * @param runId the run
	 */
	@Transactional
	public void forgetListings(long runId) {
		this.jdbc.update("delete from run_listings where run_id = ?", runId);
	}

}
