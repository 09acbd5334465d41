package io.preverified.actions;

import java.time.Instant;
import java.util.List;

import io.preverified.jdbc.SqlTime;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What the record of attempts says about codes on their way: which number with a given
 * phone number awaits one, and how many codes were asked for lately.
 */
@Repository
public class CodeRequests {

	private final JdbcClient jdbc;

	CodeRequests(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The listed numbers with a phone number, those awaiting a code first. A number
	 * awaits a code when one was asked for since the given time (and upstream did not
	 * refuse it: a request still waiting for upstream's answer counts, the SMS may come
	 * first), and no verification succeeded after it.
	 * @param e164 the phone number, in E.164
	 * @param since the oldest request a code may answer
	 * @return the numbers, those awaiting a code first
	 */
	public List<Recipient> recipients(String e164, Instant since) {
		return this.jdbc.sql("""
				select n.id, n.business_id, request.requested_by, request.id is not null as awaiting
				from numbers n
				left join lateral (
				    select r.id, r.requested_by from verification_attempts r
				    where r.number_id = n.id and r.action = 'REQUEST_CODE' and r.requested_at > :since
				    and (r.outcome <> 'FAILED' or r.error_code is null)
				    and not exists (
				        select 1 from verification_attempts v
				        where v.number_id = n.id and v.action = 'VERIFY_CODE' and v.outcome = 'SUCCEEDED'
				        and v.requested_at > r.requested_at)
				    order by r.requested_at desc limit 1) request on true
				where n.phone_number_e164 = :e164 and n.removed_at is null
				order by awaiting desc, n.id""")
			.param("e164", e164)
			.param("since", SqlTime.utc(since))
			.query((row, index) -> new Recipient(row.getString("id"), row.getString("business_id"),
					row.getBoolean("awaiting"), row.getString("requested_by")))
			.list();
	}

	/**
	 * How many codes one requester asked for on a business's numbers since a time,
	 * whatever upstream answered.
	 * @param businessId the business
	 * @param requestedBy the requester
	 * @param since the time
	 * @return how many
	 */
	public int askedSince(String businessId, String requestedBy, Instant since) {
		return this.jdbc.sql("""
				select count(*) from verification_attempts
				where business_id = :businessId and action = 'REQUEST_CODE' and requested_by = :requestedBy
				and requested_at > :since""")
			.param("businessId", businessId)
			.param("requestedBy", requestedBy)
			.param("since", SqlTime.utc(since))
			.query(Integer.class)
			.single();
	}

	/**
	 * A listed number that an SMS to its phone number may be for.
	 *
	 * @param numberId the number
	 * @param businessId its business
	 * @param awaitingCode whether a code was asked for within the time and not used yet
	 * @param requestedBy who asked for that code
	 */
	public record Recipient(String numberId, String businessId, boolean awaitingCode, String requestedBy) {

	}

}
