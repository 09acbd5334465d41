package io.preverified.numbers;

import java.util.List;
import java.util.Map;

import io.preverified.jdbc.ListQuery;
import io.preverified.jdbc.SqlTime;
import io.preverified.web.BusinessScope;
import io.preverified.web.Cursor;
import io.preverified.web.EnumParameter;
import io.preverified.web.Limit;
import io.preverified.web.ListResponse;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/claims}: who took which number, newest first.
 */
@RestController
class ClaimsController {

	private final JdbcClient jdbc;

	ClaimsController(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@GetMapping("/api/v1/claims")
	@Transactional(readOnly = true)
	ListResponse<ClaimResponse> list(@RequestParam(name = "business_id", required = false) String businessId,
			@RequestParam(required = false) String source, @RequestParam(required = false) Integer limit,
			@RequestParam(required = false) String after) {
		Source filter = EnumParameter.parse("source", source, Source.class);
		Cursor.TimeAndId cursor = Cursor.decodeTimeAndId(after);
		int pageSize = Limit.of(limit);
		List<Row> rows = ListQuery.of("select id, " + ClaimResponse.COLUMNS + " from claims")
			.where("business_id = :businessId", "businessId", businessId)
			.where("source = :source", "source", (filter != null) ? filter.name() : null)
			.where(BusinessScope.sql("business_id"), "scope", BusinessScope.current().sqlParameter())
			.after("(claimed_at, id) < (:afterTime, :afterId)",
					(cursor != null) ? Map.of("afterTime", SqlTime.utc(cursor.time()), "afterId", cursor.id()) : null)
			.list(this.jdbc, "claimed_at desc, id desc", pageSize + 1,
					(row, index) -> new Row(row.getLong("id"), ClaimResponse.of(row, "")));
		return ListResponse.of(rows, pageSize, (row) -> Cursor.timeAndId(row.claim().claimedAt(), row.id()),
				Row::claim);
	}

	private record Row(long id, ClaimResponse claim) {

	}

	/**
	 * Who told of a claim.
	 */
	enum Source {

		/** Embedded Signup's FINISH message, passed on by the partner's page. */
		SIGNUP,

		/** Meta's {@code account_update} webhook ({@code PARTNER_ADDED}). */
		WEBHOOK,

		/** A complete run no longer listed a reserved number. */
		SYNC

	}

}
