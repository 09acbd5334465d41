package io.preverified.numbers;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.preverified.jdbc.SqlArray;
import io.preverified.jdbc.SqlTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores what a run lists, one statement per page: the database compares the page with
 * the stored rows, inserts new numbers, rewrites only changed ones (with a history entry
 * for a change of status, expiry or removal) and leaves unchanged ones untouched, so a
 * re-sync writes little. The ids a run listed are kept in memory ({@link ListedIds}) for
 * {@link UnlistedNumberRemover} to compare with the stored ones once the run is complete.
 */
@Service
public class NumberWriter {

	private static final Logger logger = LoggerFactory.getLogger(NumberWriter.class);

	private static final String UPSERT_PAGE = NumberColumns
		.in("""
				with incoming as (
				    select id, phone_number, phone_number_e164, code_verification_status,
				        to_timestamp(verified) as code_verification_time, to_timestamp(expires) as verification_expiry_time,
				        owner_business_id, owner_business_name
				    from unnest(:ids::text[], :phones::text[], :e164s::text[], :statuses::text[], :verified::float8[],
				            :expires::float8[], :ownerIds::text[], :ownerNames::text[])
				        as page(id, phone_number, phone_number_e164, code_verification_status, verified, expires,
				            owner_business_id, owner_business_name)),
				changed as (
				    select i.*, n.id is null as is_new, n.code_verification_status as old_status,
				        n.verification_expiry_time as old_expiry, n.removed_at as old_removed_at
				    from incoming i left join numbers n on n.id = i.id
				    where n.id is null or n.removed_at is not null or n.removal_held
				    or (n.business_id, n.phone_number, n.code_verification_status, n.code_verification_time,
				        n.verification_expiry_time, n.owner_business_id, n.owner_business_name)
				    is distinct from (:businessId, i.phone_number, i.code_verification_status, i.code_verification_time,
				        i.verification_expiry_time, i.owner_business_id, i.owner_business_name)),
				written as (
				    insert into numbers (%1$s)
				    select id, :businessId, phone_number, phone_number_e164, code_verification_status, code_verification_time,
				        verification_expiry_time, owner_business_id, owner_business_name, :now from changed
				    on conflict (id) do update set business_id = excluded.business_id, phone_number = excluded.phone_number,
				        phone_number_e164 = excluded.phone_number_e164,
				        code_verification_status = excluded.code_verification_status,
				        code_verification_time = excluded.code_verification_time,
				        verification_expiry_time = excluded.verification_expiry_time,
				        owner_business_id = excluded.owner_business_id, owner_business_name = excluded.owner_business_name,
				        last_seen_at = null, removed_at = null, removal_reason = null, removal_held = false),
				history as (
				    insert into number_history (%2$s)
				    select nextval('number_history_seq'), id, :runId, 'SYNC', :now, old_status, code_verification_status,
				        old_expiry, verification_expiry_time, old_removed_at, null, null
				    from changed where not is_new
				    and (old_status, old_expiry, old_removed_at)
				        is distinct from (code_verification_status, verification_expiry_time, null::timestamptz))
				select count(*) filter (where is_new) as inserted, count(*) filter (where not is_new) as updated,
				    count(*) filter (where is_new and phone_number is not null and phone_number_e164 is null) as unformatted
				from changed""");

	private final JdbcClient jdbc;

	NumberWriter(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Writes one page listed by a run, in the caller's transaction, and adds its ids to
	 * what the run listed.
	 * @param run the run that received it
	 * @param page the numbers of the page
	 * @param now the time of the write
	 * @return what was written
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public PageWriteResult write(Listing run, List<ListedNumber> page, Instant now) {
		// upstream listing an id twice on a page counts once; the later record wins
		Map<String, ListedNumber> listed = page.stream()
			.collect(Collectors.toMap(ListedNumber::id, Function.identity(), (first, second) -> second,
					LinkedHashMap::new));
		if (listed.isEmpty()) {
			return new PageWriteResult(0, 0, 0);
		}
		Counts counts = upsert(run, listed.values().toArray(ListedNumber[]::new), now);
		listed.keySet().forEach(run.listed()::add);
		if (counts.unformatted() > 0) {
			logger.warn("{} new numbers of business {} have a phone number that is neither E.164 nor formatted "
					+ "with a country code; stored as received", counts.unformatted(), run.businessId());
		}
		return new PageWriteResult(counts.inserted(), counts.updated(),
				listed.size() - counts.inserted() - counts.updated());
	}

	private Counts upsert(Listing run, ListedNumber[] numbers, Instant now) {
		int size = numbers.length;
		String[] ids = new String[size];
		String[] phones = new String[size];
		String[] e164s = new String[size];
		String[] statuses = new String[size];
		Double[] verified = new Double[size];
		Double[] expiries = new Double[size];
		String[] ownerIds = new String[size];
		String[] ownerNames = new String[size];
		for (int i = 0; i < size; i++) {
			ListedNumber number = numbers[i];
			ids[i] = number.id();
			phones[i] = number.phoneNumber();
			e164s[i] = PhoneNumberNormalizer.toE164(number.phoneNumber()).orElse(null);
			statuses[i] = number.codeVerificationStatus();
			verified[i] = epochSeconds(number.codeVerificationTime());
			expiries[i] = epochSeconds(number.verificationExpiryTime());
			ownerIds[i] = number.ownerBusinessId();
			ownerNames[i] = number.ownerBusinessName();
		}
		return this.jdbc.sql(UPSERT_PAGE)
			.param("ids", SqlArray.of("text", ids))
			.param("phones", SqlArray.of("text", phones))
			.param("e164s", SqlArray.of("text", e164s))
			.param("statuses", SqlArray.of("text", statuses))
			.param("verified", SqlArray.of("float8", verified))
			.param("expires", SqlArray.of("float8", expiries))
			.param("ownerIds", SqlArray.of("text", ownerIds))
			.param("ownerNames", SqlArray.of("text", ownerNames))
			.param("businessId", run.businessId())
			.param("runId", run.runId())
			.param("now", SqlTime.utc(now))
			.query(Counts.class)
			.single();
	}

	private static Double epochSeconds(Instant instant) {
		return (instant != null) ? instant.getEpochSecond() + instant.getNano() / 1e9 : null;
	}

	private record Counts(int inserted, int updated, int unformatted) {

	}

}
