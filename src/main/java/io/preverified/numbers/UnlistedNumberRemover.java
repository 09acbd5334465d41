package io.preverified.numbers;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.preverified.jdbc.SqlArray;
import io.preverified.jdbc.SqlTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds the numbers of a business that a complete run no longer listed, by streaming the
 * stored ids past the ids the run listed, and marks them as removed, or holds them when
 * the removal guard finds them too many.
 */
@Service
public class UnlistedNumberRemover {

	private static final Logger logger = LoggerFactory.getLogger(UnlistedNumberRemover.class);

	// an index-only scan of numbers_listed_by_business_idx
	private static final String STORED_IDS = """
			select id from numbers where business_id = :businessId and removed_at is null""";

	// of the stored ids a run did not list, those it could have listed: numbers first
	// seen after it began were listed by a later run, never by this one
	private static final String LISTABLE = """
			select id, removal_held from numbers
			where id = any(:ids) and business_id = :businessId and removed_at is null and first_seen_at <= :runStartedAt""";

	private static final String HOLD = "update numbers set removal_held = true where id = any(:ids) and removed_at is null";

	private static final String REMOVE = NumberColumns.in("""
			with removed as (
			    update numbers n set removed_at = :now, removal_held = false,
			        last_seen_at = greatest(n.first_seen_at,
			            (select l.completed_at from complete_listings l where l.business_id = :businessId)),
			        removal_reason = case when n.code_verification_status = 'VERIFIED' or n.held_until > :now
			            then 'CLAIMED' else 'UNVERIFIED' end
			    where n.id = any(:ids) and n.business_id = :businessId and n.removed_at is null
			    returning n.id, n.code_verification_status, n.verification_expiry_time, n.removed_at, n.removal_reason),
			history as (
			    insert into number_history (%2$s)
			    select nextval('number_history_seq'), id, :runId, 'SYNC', :now, code_verification_status,
			        code_verification_status, verification_expiry_time, verification_expiry_time, null, removed_at,
			        removal_reason
			    from removed)
			select removal_reason, count(*) as removed from removed group by removal_reason""");

	// the business's listing ends: its listed numbers were seen then
	private static final String COMPLETED = """
			insert into complete_listings (business_id, completed_at) values (:businessId, :now)
			on conflict (business_id) do update set completed_at = excluded.completed_at""";

	// rows of the stored ids are streamed, not collected
	private static final int FETCH_SIZE = 10_000;

	private final JdbcClient jdbc;

	private final RemovedNumbersMetric removedMetric;

	UnlistedNumberRemover(JdbcClient jdbc, RemovedNumbersMetric removedMetric) {
		this.jdbc = jdbc;
		this.removedMetric = removedMetric;
	}

	/**
	 * Marks as removed the numbers of a business that a complete run did not list, unless
	 * the guard finds them too many: then they are held, and removed by the next complete
	 * run that does not list them either.
	 * @param run the run that listed every page of its business
	 * @param startedAt when the run began: numbers first seen later were not its to list
	 * @param guard how many removals are plausible
	 * @param now the time of the removal
	 * @return how many numbers were removed and held
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Removal remove(Listing run, Instant startedAt, RemovalGuard guard, Instant now) {
		Unlisted unlisted = unlisted(run, startedAt);
		long threshold = guard.threshold(unlisted.stored);
		boolean hold = unlisted.fresh.size() > threshold;
		// those held by an earlier run go first, so that what this run holds is only its
		// own
		List<String> removable = new ArrayList<>(unlisted.confirmed);
		if (!hold) {
			removable.addAll(unlisted.fresh);
		}
		// removed numbers were last seen by the previous complete listing, then this one
		// is
		// kept
		Map<String, Integer> removedByReason = remove(run, removable, now);
		this.jdbc.sql(COMPLETED).param("businessId", run.businessId()).param("now", SqlTime.utc(now)).update();
		int removed = removedByReason.values().stream().mapToInt(Integer::intValue).sum();
		this.removedMetric.countAfterCommit(run.businessId(), removedByReason);
		if (hold) {
			this.jdbc.sql(HOLD).param("ids", SqlArray.of("text", unlisted.fresh.toArray())).update();
			logger.warn(
					"Run {} of business {} no longer lists {} of {} numbers, more than the removal guard allows "
							+ "({}); held until the next complete run confirms",
					run.runId(), run.businessId(), unlisted.fresh.size(), unlisted.stored, threshold);
		}
		if (!unlisted.confirmed.isEmpty()) {
			logger.info("Run {} of business {} confirmed the removal of {} held numbers", run.runId(), run.businessId(),
					unlisted.confirmed.size());
		}
		return new Removal(removed, hold ? unlisted.fresh.size() : 0, removedByReason);
	}

	private Unlisted unlisted(Listing run, Instant startedAt) {
		Unlisted unlisted = new Unlisted();
		List<String> notListed = new ArrayList<>();
		this.jdbc.sql(STORED_IDS).withFetchSize(FETCH_SIZE).param("businessId", run.businessId()).query((row) -> {
			unlisted.stored++;
			String id = row.getString("id");
			if (!run.listed().contains(id)) {
				notListed.add(id);
			}
		});
		if (!notListed.isEmpty()) {
			this.jdbc.sql(LISTABLE)
				.param("ids", SqlArray.of("text", notListed.toArray()))
				.param("businessId", run.businessId())
				.param("runStartedAt", SqlTime.utc(startedAt))
				.query((RowCallbackHandler) (
						row) -> (row.getBoolean("removal_held") ? unlisted.confirmed : unlisted.fresh)
							.add(row.getString("id")));
		}
		return unlisted;
	}

	private Map<String, Integer> remove(Listing run, List<String> ids, Instant now) {
		Map<String, Integer> removedByReason = new LinkedHashMap<>();
		if (ids.isEmpty()) {
			return removedByReason;
		}
		this.jdbc.sql(REMOVE)
			.param("ids", SqlArray.of("text", ids.toArray()))
			.param("businessId", run.businessId())
			.param("runId", run.runId())
			.param("now", SqlTime.utc(now))
			.query((RowCallbackHandler) (row) -> removedByReason.put(row.getString("removal_reason"),
					row.getInt("removed")));
		return removedByReason;
	}

	private static final class Unlisted {

		private final List<String> fresh = new ArrayList<>();

		private final List<String> confirmed = new ArrayList<>();

		private long stored;

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

}
