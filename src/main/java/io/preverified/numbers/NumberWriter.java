package io.preverified.numbers;

import java.sql.Array;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.preverified.graphapi.FetchedNumber;
import jakarta.persistence.EntityManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores what a run lists: new numbers are inserted, changed ones updated with a history
 * entry, unchanged ones left alone. One read per page finds the stored rows; writes are
 * batched.
 */
@Service
public class NumberWriter {

	private static final Logger logger = LoggerFactory.getLogger(NumberWriter.class);

	private static final String REMOVE_UNLISTED = """
			with removed as (
			    update numbers n set removed_at = :now, last_seen_at = greatest(n.first_seen_at, :lastListedAt)
			    where n.business_id = :businessId and n.removed_at is null
			    and not exists (select 1 from run_listings l where l.run_id = :runId and l.number_id = n.id)
			    returning n.id, n.code_verification_status, n.verification_expiry_time, n.removed_at)
			insert into number_history (id, number_id, run_id, changed_at,
			    old_code_verification_status, new_code_verification_status,
			    old_verification_expiry_time, new_verification_expiry_time, old_removed_at, new_removed_at)
			select nextval('number_history_seq'), id, :runId, :now, code_verification_status, code_verification_status,
			    verification_expiry_time, verification_expiry_time, null, removed_at
			from removed""";

	private final PreverifiedNumberRepository numbers;

	private final EntityManager entityManager;

	private final JdbcTemplate jdbc;

	NumberWriter(PreverifiedNumberRepository numbers, EntityManager entityManager, JdbcTemplate jdbc) {
		this.numbers = numbers;
		this.entityManager = entityManager;
		this.jdbc = jdbc;
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
		Map<String, PreverifiedNumber> stored = this.numbers.findAllById(listed.keySet())
			.stream()
			.collect(Collectors.toMap(PreverifiedNumber::getId, Function.identity()));
		int inserted = 0;
		int updated = 0;
		for (FetchedNumber fetched : listed.values()) {
			PreverifiedNumber number = stored.get(fetched.id());
			if (number == null) {
				insert(businessId, fetched, now);
				inserted++;
			}
			else if (number.differsFrom(businessId, fetched)) {
				NumberChange.Values before = number.update(businessId, fetched);
				if (!before.sameAs(number.trackedValues())) {
					this.entityManager
						.persist(new NumberChange(number.getId(), runId, now, before, number.trackedValues()));
				}
				updated++;
			}
		}
		recordListed(runId, listed.keySet().toArray(String[]::new));
		return new PageWriteResult(inserted, updated, listed.size() - inserted - updated);
	}

	private void insert(String businessId, FetchedNumber fetched, Instant now) {
		PreverifiedNumber number = new PreverifiedNumber(businessId, fetched, now);
		if (number.getPhoneNumber() != null && number.getPhoneNumberE164() == null) {
			logger.warn("Number {} has a phone number that is not E.164 nor formatted with a country code; "
					+ "stored as received", number.getId());
		}
		this.entityManager.persist(number);
	}

	private void recordListed(long runId, String[] ids) {
		this.jdbc.update("insert into run_listings (run_id, number_id) select ?, unnest(?) on conflict do nothing",
				(statement) -> {
					Array array = statement.getConnection().createArrayOf("text", ids);
					statement.setLong(1, runId);
					statement.setArray(2, array);
				});
	}

	/**
	 * Marks as removed the numbers of a business that a complete run did not list, and
	 * forgets what the run listed.
	 * @param businessId the business
	 * @param runId the complete run
	 * @param lastListedAt when the business's previous complete run ended, if any
	 * @param now the time of the removal
	 * @return how many numbers were removed
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public int removeUnlisted(String businessId, long runId, Instant lastListedAt, Instant now) {
		this.entityManager.flush();
		int removed = this.entityManager.createNativeQuery(REMOVE_UNLISTED)
			.setParameter("businessId", businessId)
			.setParameter("runId", runId)
			.setParameter("lastListedAt", (lastListedAt != null) ? lastListedAt : Instant.EPOCH)
			.setParameter("now", now)
			.executeUpdate();
		forgetListings(runId);
		return removed;
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
