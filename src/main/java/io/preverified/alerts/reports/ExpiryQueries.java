package io.preverified.alerts.reports;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.preverified.alerts.AlertsProperties;
import io.preverified.alerts.Severity;
import io.preverified.jdbc.SqlTime;
import io.preverified.web.BusinessScope;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Listed numbers whose verification expires in each of the next weeks, by the severity
 * they have now, counted in the database. A number not yet in its re-verification window
 * counts as {@code REVERIFY_WINDOW}, the stage it enters next.
 */
@Service
class ExpiryQueries {

	private static final Duration WEEK = Duration.ofDays(7);

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
			    and %s
			    and n.verification_expiry_time >= cast(:now as timestamptz) + w.week * interval '7 days'
			    and n.verification_expiry_time < cast(:now as timestamptz) + (w.week + 1) * interval '7 days'
			group by w.week order by w.week"""
		.formatted(BusinessScope.sql("n.business_id"));

	private final JdbcClient jdbc;

	private final AlertsProperties properties;

	private final Clock clock;

	ExpiryQueries(JdbcClient jdbc, AlertsProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * The expiries of the next weeks, from now.
	 * @param businessId the business, or {@code null} for all
	 * @param weeks how many weeks
	 * @return one entry a week, in order
	 */
	@Transactional(readOnly = true)
	List<Week> weeks(String businessId, int weeks) {
		Instant now = this.clock.instant();
		return this.jdbc.sql(COUNT)
			.param("weeks", weeks)
			.param("businessId", businessId)
			.param("scope", BusinessScope.current().sqlParameter())
			.param("now", SqlTime.utc(now))
			.param("critical", SqlTime.utc(now.plus(this.properties.critical())))
			.param("warning", SqlTime.utc(now.plus(this.properties.warning())))
			.query((row, index) -> {
				Instant start = now.plus(WEEK.multipliedBy(row.getInt("week")));
				Map<String, Long> bySeverity = new LinkedHashMap<>();
				bySeverity.put(Severity.REVERIFY_WINDOW.name(), row.getLong("reverify_window"));
				bySeverity.put(Severity.WARNING.name(), row.getLong("warning"));
				bySeverity.put(Severity.CRITICAL.name(), row.getLong("critical"));
				bySeverity.put(Severity.EXPIRED.name(), row.getLong("expired"));
				return new Week(start, start.plus(WEEK), bySeverity);
			})
			.list();
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
