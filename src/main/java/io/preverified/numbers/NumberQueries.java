package io.preverified.numbers;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.preverified.jdbc.ListQuery;
import io.preverified.jdbc.SqlTime;
import io.preverified.web.Cursor;
import io.preverified.web.ListResponse;
import io.preverified.web.ResponseValidity;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Reads numbers and their history for the API. Each read is one statement, consistent by
 * itself: no transaction is begun and committed around it.
 */
@Service
class NumberQueries {

	// a listed number was last seen by its business's last complete listing, or when
	// first seen if that came later
	private static final String FROM = """
			select n.id, n.business_id, n.phone_number, n.phone_number_e164, n.code_verification_status,
			    n.code_verification_time, n.verification_expiry_time, n.owner_business_id, n.owner_business_name,
			    n.first_seen_at, n.removed_at, n.removal_reason, n.held_by, n.held_until,
			    case when n.removed_at is not null then n.last_seen_at
			        else greatest(n.first_seen_at, l.completed_at) end as last_seen_at,
			    c.number_id as claim_number_id, c.business_id as claim_business_id, c.phone_number as claim_phone_number,
			    c.phone_number_id as claim_phone_number_id, c.waba_id as claim_waba_id,
			    c.customer_business_id as claim_customer_business_id, c.reservation_id as claim_reservation_id,
			    c.source as claim_source, c.claimed_at as claim_claimed_at
			from numbers n left join complete_listings l on l.business_id = n.business_id
			left join claims c on c.number_id = n.id
			""";

	private final PreverifiedNumberRepository numbers;

	private final JdbcClient jdbc;

	private final Clock clock;

	NumberQueries(PreverifiedNumberRepository numbers, JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.numbers = numbers;
		this.clock = clock;
	}

	// rows go straight to the response: no managed entity for a list
	ListResponse<NumberResponse> find(NumberFilter filter, int limit) {
		Instant now = this.clock.instant();
		if (filter.expiringWithin() != null) {
			// counted from now: the next request asks another question
			ResponseValidity.never();
		}
		List<NumberResponse> rows = filter.applyTo(ListQuery.of(FROM), now)
			.list(this.jdbc, "n.id", limit + 1, responses(now));
		return ListResponse.of(rows, limit, NumberResponse::id, (number) -> number);
	}

	// one statement for all of them, in the order asked for
	List<NumberResponse> all(List<String> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		Map<String, NumberResponse> byId = new HashMap<>();
		this.jdbc.sql(FROM + "where n.id in (:ids)")
			.param("ids", ids)
			.query(responses(this.clock.instant()))
			.list()
			.forEach((number) -> byId.put(number.id(), number));
		return ids.stream().map(byId::get).toList();
	}

	// a hold that ends changes the answer: held_by shows only holds still running
	private static RowMapper<NumberResponse> responses(Instant now) {
		return (row, index) -> {
			Instant heldUntil = SqlTime.instant(row, "held_until");
			if (heldUntil != null && heldUntil.isAfter(now)) {
				ResponseValidity.until(heldUntil);
			}
			return NumberResponse.of(row, now);
		};
	}

	NumberResponse get(String id) {
		return this.jdbc.sql(FROM + "where n.id = :id")
			.param("id", id)
			.query(responses(this.clock.instant()))
			.optional()
			.orElseThrow(() -> new UnknownNumberException(id));
	}

	ListResponse<HistoryEntryResponse> history(String id, Cursor.TimeAndId after, int limit) {
		if (!this.numbers.existsById(id)) {
			throw new UnknownNumberException(id);
		}
		List<HistoryRow> rows = ListQuery.of("select " + NumberColumns.HISTORY + " from number_history")
			.where("number_id = :numberId")
			.param("numberId", id)
			.after("(changed_at, id) < (:afterTime, :afterId)",
					(after != null) ? Map.of("afterTime", SqlTime.utc(after.time()), "afterId", after.id()) : null)
			.list(this.jdbc, "changed_at desc, id desc", limit + 1,
					(row, index) -> new HistoryRow(row.getLong("id"), HistoryEntryResponse.of(row)));
		return ListResponse.of(rows, limit, (row) -> Cursor.timeAndId(row.entry().changedAt(), row.id()),
				HistoryRow::entry);
	}

	// an entry and the id its cursor needs
	private record HistoryRow(long id, HistoryEntryResponse entry) {

	}

}
