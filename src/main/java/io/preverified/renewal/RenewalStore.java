package io.preverified.renewal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.preverified.jdbc.ListQuery;
import io.preverified.jdbc.SqlTime;
import io.preverified.web.BusinessScope;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Each number's renewal, and which numbers are due for one.
 */
@Repository
class RenewalStore {

	private final JdbcClient jdbc;

	RenewalStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The listed numbers of a business that need a code, soonest expiry first: VERIFIED
	 * and expiring within {@code startBefore}, or NOT_VERIFIED or EXPIRED (a number never
	 * verified is dropped 90 days after it was added), that the renewal did not ask for a
	 * code within {@code retryAfter} and that are not being deleted.
	 * @param businessId the business
	 * @param now the time
	 * @param startBefore how long before expiry a renewal starts
	 * @param retryAfter how long after a request the renewal asks again
	 * @param limit the most numbers
	 * @return their ids
	 */
	List<String> due(String businessId, Instant now, Duration startBefore, Duration retryAfter, int limit) {
		return this.jdbc.sql("""
				select n.id from numbers n
				left join renewals r on r.number_id = n.id
				where n.business_id = :businessId and n.removed_at is null
				and (n.deleting_until is null or n.deleting_until < :now)
				and ((n.code_verification_status = 'VERIFIED' and n.verification_expiry_time <= :startFrom)
				    or n.code_verification_status in ('NOT_VERIFIED', 'EXPIRED'))
				and (r.requested_at is null or r.requested_at <= :askedBefore)
				order by coalesce(n.verification_expiry_time, n.first_seen_at + interval '90 days'), n.id
				limit :limit""")
			.param("businessId", businessId)
			.param("now", SqlTime.utc(now))
			.param("startFrom", SqlTime.utc(now.plus(startBefore)))
			.param("askedBefore", SqlTime.utc(now.minus(retryAfter)))
			.param("limit", limit)
			.query(String.class)
			.list();
	}

	void requested(String numberId, Instant at) {
		record(numberId, RenewalState.REQUESTED, at, null);
	}

	// only a request still under way: the code may have come back already
	void waitingForCode(String numberId, Instant at) {
		this.jdbc.sql("""
				update renewals set state = 'WAITING_FOR_CODE', updated_at = :at
				where number_id = :numberId and state = 'REQUESTED'""")
			.param("numberId", numberId)
			.param("at", SqlTime.utc(at))
			.update();
	}

	void renewed(String numberId, Instant at) {
		record(numberId, RenewalState.RENEWED, at, null);
	}

	void failed(String numberId, Instant at, String error) {
		record(numberId, RenewalState.FAILED, at, error);
	}

	// a number's renewal enters a state; a request and a renewal also keep their time
	private void record(String numberId, RenewalState state, Instant at, String error) {
		this.jdbc
			.sql("""
					insert into renewals (number_id, business_id, state, requested_at, renewed_at, updated_at, error_message)
					select id, business_id, :state, case when :state = 'REQUESTED' then :at end,
					    case when :state = 'RENEWED' then :at end, :at, :error
					from numbers where id = :numberId
					on conflict (number_id) do update set state = excluded.state,
					    requested_at = coalesce(excluded.requested_at, renewals.requested_at),
					    renewed_at = coalesce(excluded.renewed_at, renewals.renewed_at), updated_at = excluded.updated_at,
					    error_message = excluded.error_message""")
			.param("numberId", numberId)
			.param("state", state.name())
			.param("at", SqlTime.utc(at))
			.param("error", error)
			.update();
	}

	/**
	 * Renewals, by number id. One that waited for its code longer than {@code maxCodeAge}
	 * is {@code FAILED}: no code came.
	 * @param businessId the business, or {@code null} for all
	 * @param state the state, or {@code null} for all
	 * @param now the time
	 * @param maxCodeAge how long a code may take
	 * @param afterId the last number id of the previous page, or {@code null}
	 * @param limit the most renewals
	 * @return the renewals
	 */
	List<Renewal> list(String businessId, RenewalState state, Instant now, Duration maxCodeAge, String afterId,
			int limit) {
		return ListQuery.of("""
				select * from (
				    select r.number_id, r.business_id, n.phone_number, n.code_verification_status,
				        n.verification_expiry_time, r.requested_at, r.renewed_at, r.updated_at,
				        case when r.state = 'WAITING_FOR_CODE' and r.requested_at < :oldestCode then 'FAILED'
				            else r.state end as state,
				        case when r.state = 'WAITING_FOR_CODE' and r.requested_at < :oldestCode
				            then 'No code arrived within preverified.inbound.max-code-age; asked again after '
				                || 'preverified.renewal.retry-after'
				            else r.error_message end as error_message
				    from renewals r join numbers n on n.id = r.number_id) renewal""")
			.param("oldestCode", SqlTime.utc(now.minus(maxCodeAge)))
			.where("business_id = :businessId", "businessId", businessId)
			.where("state = :state", "state", (state != null) ? state.name() : null)
			.after("number_id > :afterId", (afterId != null) ? Map.of("afterId", afterId) : null)
			.where(BusinessScope.sql("business_id"), "scope", BusinessScope.current().sqlParameter())
			.list(this.jdbc, "number_id", limit, RenewalStore::renewal);
	}

	private static Renewal renewal(ResultSet row, int index) throws SQLException {
		return new Renewal(row.getString("number_id"), row.getString("business_id"), row.getString("phone_number"),
				row.getString("code_verification_status"), SqlTime.instant(row, "verification_expiry_time"),
				row.getString("state"), SqlTime.instant(row, "requested_at"), SqlTime.instant(row, "renewed_at"),
				SqlTime.instant(row, "updated_at"), row.getString("error_message"));
	}

}
