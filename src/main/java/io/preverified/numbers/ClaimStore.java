package io.preverified.numbers;

import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.preverified.jdbc.ListQuery;
import io.preverified.jdbc.SqlTime;
import io.preverified.web.BusinessScope;
import io.preverified.web.Cursor;
import io.preverified.web.ListResponse;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records who took a number. A claim takes the number out of the pool at once
 * ({@code removal_reason: CLAIMED}), before the next run finds it gone; the first source
 * to tell of a number's claim is kept, later ones change nothing.
 */
@Service
public class ClaimStore {

	// the claim, the number's removal and its history entry, in one statement: a number
	// the run removed already keeps its removal
	private static final String CLAIM = NumberColumns.in("""
			with claimed as (
			    insert into claims (number_id, business_id, phone_number, phone_number_id, waba_id,
			        customer_business_id, reservation_id, source, claimed_at)
			    select n.id, n.business_id, coalesce(n.phone_number_e164, n.phone_number), :phoneNumberId, :wabaId,
			        :customerBusinessId,
			        coalesce(cast(:reservationId as bigint), case when n.held_until > :claimedAt then n.held_by end),
			        :source, :claimedAt
			    from numbers n where n.id = :numberId
			    on conflict (number_id) do nothing
			    returning *),
			removed as (
			    update numbers set removed_at = :claimedAt, last_seen_at = :claimedAt, removal_reason = 'CLAIMED',
			        removal_held = false
			    where id in (select number_id from claimed) and removed_at is null
			    returning id, code_verification_status, verification_expiry_time),
			history as (
			    insert into number_history (%2$s)
			    select nextval('number_history_seq'), id, null, 'CLAIM', :claimedAt, code_verification_status,
			        code_verification_status, verification_expiry_time, verification_expiry_time, null, :claimedAt,
			        'CLAIMED'
			    from removed)
			select claimed.*, exists (select 1 from removed) as removed from claimed""");

	private final JdbcClient jdbc;

	private final RemovedNumbersMetric removedMetric;

	private final ApplicationEventPublisher events;

	private final MeterRegistry meters;

	ClaimStore(JdbcClient jdbc, RemovedNumbersMetric removedMetric, ApplicationEventPublisher events,
			MeterRegistry meters) {
		this.jdbc = jdbc;
		this.removedMetric = removedMetric;
		this.events = events;
		this.meters = meters;
	}

	/**
	 * Records a claim, unless the number has one already.
	 * @param claim the claim
	 * @return whether it was recorded
	 */
	@Transactional
	public boolean claim(NumberClaim claim) {
		return this.jdbc.sql(CLAIM)
			.param("numberId", claim.numberId())
			.param("phoneNumberId", claim.phoneNumberId())
			.param("wabaId", claim.wabaId())
			.param("customerBusinessId", claim.customerBusinessId())
			.param("reservationId", claim.reservationId())
			.param("source", claim.source())
			.param("claimedAt", SqlTime.utc(claim.claimedAt()))
			.query((row, index) -> {
				ClaimResponse recorded = ClaimResponse.of(row, "");
				if (row.getBoolean("removed")) {
					this.removedMetric.countAfterCommit(recorded.businessId(), Map.of("CLAIMED", 1));
				}
				Counter.builder("preverified.claims")
					.description("Numbers customers claimed, by business and by the source that told")
					.tag("business_id", recorded.businessId())
					.tag("source", claim.source())
					.register(this.meters)
					.increment();
				this.events.publishEvent(new NumbersChanged(recorded.businessId()));
				this.events.publishEvent(new NumberClaimed(recorded));
				return recorded;
			})
			.optional()
			.isPresent();
	}

	/**
	 * Claims, newest first.
	 * @param businessId only those of this business, or {@code null}
	 * @param source only those told by this source, or {@code null}
	 * @param after the cursor of the previous page, or {@code null}
	 * @param pageSize the page size
	 * @return one page
	 */
	@Transactional(readOnly = true)
	ListResponse<ClaimResponse> newestFirst(String businessId, String source, Cursor.TimeAndId after, int pageSize) {
		List<Row> rows = ListQuery.of("select id, " + ClaimResponse.COLUMNS + " from claims")
			.where("business_id = :businessId", "businessId", businessId)
			.where("source = :source", "source", source)
			.where(BusinessScope.sql("business_id"), "scope", BusinessScope.current().sqlParameter())
			.after("(claimed_at, id) < (:afterTime, :afterId)",
					(after != null) ? Map.of("afterTime", SqlTime.utc(after.time()), "afterId", after.id()) : null)
			.list(this.jdbc, "claimed_at desc, id desc", pageSize + 1,
					(row, index) -> new Row(row.getLong("id"), ClaimResponse.of(row, "")));
		return ListResponse.of(rows, pageSize, (row) -> Cursor.timeAndId(row.claim().claimedAt(), row.id()),
				Row::claim);
	}

	// a claim and the id its cursor needs
	private record Row(long id, ClaimResponse claim) {

	}

}
