package io.preverified.alerts.evaluation;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.preverified.alerts.Severity;
import io.preverified.jdbc.SqlTime;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Gauges of what is expiring: {@code preverified_numbers_expiring{business_id,severity}}
 * counts the open alerts, {@code preverified_next_expiry_timestamp_seconds{business_id}}
 * is the soonest expiry still ahead. Refreshed for all after an evaluation of all, and
 * for one business after its evaluation, reading only that business's rows.
 */
@Component
class AlertMetrics {

	private static final String OPEN_BY_SEVERITY = """
			select business_id, severity, count(*) as open from alerts
			where state <> 'RESOLVED' and kind = 'NUMBER' %s group by business_id, severity""";

	private static final String NEXT_EXPIRY = """
			select business_id, min(verification_expiry_time) as next_expiry from numbers
			where removed_at is null and verification_expiry_time > :now %s group by business_id""";

	private static final String ONE_BUSINESS = "and business_id = :businessId";

	private final JdbcClient jdbc;

	private final Clock clock;

	private final MultiGauge expiring;

	private final MultiGauge nextExpiry;

	private final Map<String, Map<Severity, Long>> openBySeverity = new ConcurrentHashMap<>();

	private final Map<String, Long> nextExpiryByBusiness = new ConcurrentHashMap<>();

	AlertMetrics(JdbcClient jdbc, Clock clock, MeterRegistry meters) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.expiring = MultiGauge.builder("preverified.numbers.expiring")
			.description("Listed numbers by expiry severity (open alerts)")
			.register(meters);
		this.nextExpiry = MultiGauge.builder("preverified.next.expiry.timestamp.seconds")
			.description("Soonest verification expiry still ahead, as epoch seconds")
			.register(meters);
	}

	/**
	 * Refreshes the gauges of every business.
	 */
	synchronized void refresh() {
		this.openBySeverity.clear();
		this.nextExpiryByBusiness.clear();
		read("", Map.of());
	}

	/**
	 * Refreshes the gauges of one business.
	 * @param businessId the business
	 */
	synchronized void refresh(String businessId) {
		this.openBySeverity.remove(businessId);
		this.nextExpiryByBusiness.remove(businessId);
		read(ONE_BUSINESS, Map.of("businessId", businessId));
	}

	// a business with no open alert, or no expiry ahead, has no rows of that gauge
	private void read(String filter, Map<String, Object> parameters) {
		this.jdbc.sql(OPEN_BY_SEVERITY.formatted(filter))
			.params(parameters)
			.query((RowCallbackHandler) (row) -> this.openBySeverity
				.computeIfAbsent(row.getString("business_id"), (business) -> zeros())
				.put(Severity.valueOf(row.getString("severity")), row.getLong("open")));
		this.jdbc.sql(NEXT_EXPIRY.formatted(filter))
			.params(parameters)
			.param("now", SqlTime.utc(this.clock.instant()))
			.query((RowCallbackHandler) (row) -> this.nextExpiryByBusiness.put(row.getString("business_id"),
					SqlTime.instant(row, "next_expiry").getEpochSecond()));
		publish();
	}

	private void publish() {
		List<MultiGauge.Row<?>> rows = new ArrayList<>();
		this.openBySeverity.forEach((businessId, bySeverity) -> bySeverity.forEach((severity, count) -> rows
			.add(MultiGauge.Row.of(Tags.of("business_id", businessId, "severity", severity.name()), count))));
		this.expiring.register(rows, true);
		List<MultiGauge.Row<?>> next = new ArrayList<>();
		this.nextExpiryByBusiness.forEach((businessId, epochSecond) -> next
			.add(MultiGauge.Row.of(Tags.of("business_id", businessId), epochSecond)));
		this.nextExpiry.register(next, true);
	}

	private static Map<Severity, Long> zeros() {
		Map<Severity, Long> zeros = new EnumMap<>(Severity.class);
		for (Severity severity : Severity.values()) {
			zeros.put(severity, 0L);
		}
		return zeros;
	}

}
