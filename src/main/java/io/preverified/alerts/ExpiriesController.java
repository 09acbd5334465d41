package io.preverified.alerts;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.preverified.web.InvalidParameterException;
import io.preverified.web.ListResponse;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/expiries}: listed numbers whose verification expires in each of the
 * next weeks, by the severity they have now, counted in the database. A number not yet in
 * its re-verification window counts as {@code REVERIFY_WINDOW}, the stage it enters next.
 */
@RestController
class ExpiriesController {

	private static final String COUNT = """
			select w.week, count(n.id) filter (where n.code_verification_status = 'EXPIRED') as expired,
			    count(n.id) filter (where n.code_verification_status <> 'EXPIRED' and n.verification_expiry_time <= :critical)
			        as critical,
			    count(n.id) filter (where n.code_verification_status <> 'EXPIRED' and n.verification_expiry_time > :critical
			        and n.verification_expiry_time <= :warning) as warning,
			    count(n.id) filter (where n.code_verification_status <> 'EXPIRED' and n.verification_expiry_time > :warning)
			        as reverify_window
			from generate_series(0, :weeks - 1) as w(week)
			left join numbers n on n.removed_at is null
			    and (cast(:businessId as text) is null or n.business_id = :businessId)
			    and n.verification_expiry_time >= cast(:now as timestamptz) + w.week * interval '7 days'
			    and n.verification_expiry_time < cast(:now as timestamptz) + (w.week + 1) * interval '7 days'
			group by w.week order by w.week""";

	private final JdbcClient jdbc;

	private final AlertsProperties properties;

	private final Clock clock;

	ExpiriesController(JdbcClient jdbc, AlertsProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.clock = clock;
	}

	@GetMapping("/api/v1/expiries")
	ListResponse<Week> expiries(@RequestParam(name = "business_id", required = false) String businessId,
			@RequestParam(required = false) Integer weeks) {
		int count = (weeks != null) ? weeks : 13;
		if (count < 1 || count > 52) {
			throw new InvalidParameterException("weeks", "must be between 1 and 52, was " + count);
		}
		Instant now = this.clock.instant();
		List<Week> data = this.jdbc.sql(COUNT)
			.param("weeks", count)
			.param("businessId", businessId)
			.param("now", Timestamp.from(now))
			.param("critical", Timestamp.from(now.plus(this.properties.critical())))
			.param("warning", Timestamp.from(now.plus(this.properties.warning())))
			.query((row, index) -> {
				Instant start = now.plus(java.time.Duration.ofDays(7L * row.getInt("week")));
				Map<String, Long> bySeverity = new LinkedHashMap<>();
				bySeverity.put(Severity.REVERIFY_WINDOW.name(), row.getLong("reverify_window"));
				bySeverity.put(Severity.WARNING.name(), row.getLong("warning"));
				bySeverity.put(Severity.CRITICAL.name(), row.getLong("critical"));
				bySeverity.put(Severity.EXPIRED.name(), row.getLong("expired"));
				return new Week(start, start.plus(java.time.Duration.ofDays(7)), bySeverity);
			})
			.list();
		return ListResponse.of(data);
	}

	/**
	 * One week of expiries.
	 *
	 * @param weekStart its start
	 * @param weekEnd its end, exclusive
	 * @param bySeverity numbers expiring in it, by severity
	 */
	record Week(Instant weekStart, Instant weekEnd, Map<String, Long> bySeverity) {

	}

}
