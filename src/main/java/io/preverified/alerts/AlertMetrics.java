package io.preverified.alerts;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Gauges of what is expiring: {@code preverified_numbers_expiring{business_id,severity}}
 * counts the open alerts, {@code preverified_next_expiry_timestamp_seconds{business_id}}
 * is the soonest expiry still ahead. Refreshed after every evaluation.
 */
@Component
class AlertMetrics {

	private final AlertRepository alerts;

	private final JdbcTemplate jdbc;

	private final Clock clock;

	private final MultiGauge expiring;

	private final MultiGauge nextExpiry;

	AlertMetrics(AlertRepository alerts, JdbcTemplate jdbc, Clock clock, MeterRegistry meters) {
		this.alerts = alerts;
		this.jdbc = jdbc;
		this.clock = clock;
		this.expiring = MultiGauge.builder("preverified.numbers.expiring")
			.description("Listed numbers by expiry severity (open alerts)")
			.register(meters);
		this.nextExpiry = MultiGauge.builder("preverified.next.expiry.timestamp.seconds")
			.description("Soonest verification expiry still ahead, as epoch seconds")
			.register(meters);
	}

	void refresh() {
		Map<String, Map<Severity, Long>> counts = new TreeMap<>();
		for (AlertRepository.SeverityCount count : this.alerts.countOpenBySeverity()) {
			counts.computeIfAbsent(count.getBusinessId(), (business) -> zeros())
				.put(Severity.valueOf(count.getSeverity()), count.getCount());
		}
		List<MultiGauge.Row<?>> rows = new ArrayList<>();
		counts.forEach((businessId, bySeverity) -> bySeverity.forEach((severity, count) -> rows
			.add(MultiGauge.Row.of(Tags.of("business_id", businessId, "severity", severity.name()), count))));
		this.expiring.register(rows, true);
		List<MultiGauge.Row<?>> next = new ArrayList<>();
		this.jdbc.query("""
				select business_id, min(verification_expiry_time) as next_expiry from numbers
				where removed_at is null and verification_expiry_time > ? group by business_id""", (row) -> {
			next.add(MultiGauge.Row.of(Tags.of("business_id", row.getString("business_id")),
					row.getTimestamp("next_expiry").toInstant().getEpochSecond()));
		}, Timestamp.from(this.clock.instant()));
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
