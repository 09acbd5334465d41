package io.preverified.alerts;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Gauges of what is expiring: {@code preverified_numbers_expiring{business_id,severity}}
 * counts the open alerts, {@code preverified_next_expiry_timestamp_seconds{business_id}}
 * is the soonest expiry still ahead. Refreshed for one business after its evaluation, for
 * all after an evaluation of all; each refresh reads only its business's rows.
 */
@Component
class AlertMetrics {

	private static final String OPEN_BY_SEVERITY = """
			select severity, count(*) as open from alerts
			where business_id = :businessId and state <> 'RESOLVED' group by severity""";

	private static final String NEXT_EXPIRY = """
			select min(verification_expiry_time) from numbers
			where business_id = :businessId and removed_at is null and verification_expiry_time > :now""";

	// the businesses with listed numbers (an open alert's number is listed), one index
	// probe each rather than a scan of every number
	private static final String BUSINESSES = """
			with recursive business as (
			    (select business_id from numbers where removed_at is null order by business_id limit 1)
			    union all
			    select (select n.business_id from numbers n where n.removed_at is null and n.business_id > b.business_id
			        order by n.business_id limit 1)
			    from business b where b.business_id is not null)
			select business_id from business where business_id is not null""";

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
	 * Refreshes the gauges of every business that has numbers or alerts.
	 */
	void refresh() {
		List<String> businesses = this.jdbc.sql(BUSINESSES).query(String.class).list();
		this.openBySeverity.keySet().retainAll(businesses);
		this.nextExpiryByBusiness.keySet().retainAll(businesses);
		businesses.forEach(this::read);
		publish();
	}

	/**
	 * Refreshes the gauges of one business.
	 * @param businessId the business
	 */
	void refresh(String businessId) {
		read(businessId);
		publish();
	}

	private void read(String businessId) {
		Map<Severity, Long> counts = new EnumMap<>(Severity.class);
		for (Severity severity : Severity.values()) {
			counts.put(severity, 0L);
		}
		this.jdbc.sql(OPEN_BY_SEVERITY)
			.param("businessId", businessId)
			.query((RowCallbackHandler) (row) -> counts.put(Severity.valueOf(row.getString("severity")),
					row.getLong("open")));
		this.openBySeverity.put(businessId, counts);
		// no expiry ahead: min() is null, and the business has no such gauge
		Optional<Timestamp> next = this.jdbc.sql(NEXT_EXPIRY)
			.param("businessId", businessId)
			.param("now", this.clock.instant().atOffset(ZoneOffset.UTC))
			.query(Timestamp.class)
			.optional();
		next.ifPresentOrElse((expiry) -> this.nextExpiryByBusiness.put(businessId, expiry.toInstant().getEpochSecond()),
				() -> this.nextExpiryByBusiness.remove(businessId));
	}

	private synchronized void publish() {
		List<MultiGauge.Row<?>> rows = new ArrayList<>();
		this.openBySeverity.forEach((businessId, bySeverity) -> bySeverity.forEach((severity, count) -> rows
			.add(MultiGauge.Row.of(Tags.of("business_id", businessId, "severity", severity.name()), count))));
		this.expiring.register(rows, true);
		List<MultiGauge.Row<?>> next = new ArrayList<>();
		this.nextExpiryByBusiness.forEach((businessId, epochSecond) -> next
			.add(MultiGauge.Row.of(Tags.of("business_id", businessId), epochSecond)));
		this.nextExpiry.register(next, true);
	}

}
