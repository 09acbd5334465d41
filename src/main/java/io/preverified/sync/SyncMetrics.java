package io.preverified.sync;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.preverified.businesses.BusinessDirectory;
import io.preverified.businesses.BusinessesChanged;
import io.preverified.numbers.NumberStatistics;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Metrics of the runs: {@code preverified_sync_runs_total{business_id,outcome}},
 * {@code preverified_sync_duration_seconds},
 * {@code preverified_numbers{business_id,status}},
 * {@code preverified_last_success_timestamp_seconds{business_id}} (0 until a business
 * first syncs successfully) and {@code preverified_sync_removals_held{business_id}} (the
 * numbers its last complete run held back from removal).
 */
@Component
class SyncMetrics {

	private final BusinessDirectory businesses;

	private final SyncRunLifecycle runs;

	private final NumberStatistics statistics;

	private final MeterRegistry meters;

	private final Map<String, Long> lastSuccess = new ConcurrentHashMap<>();

	private final Map<String, Integer> removalsHeld = new ConcurrentHashMap<>();

	private final MultiGauge numbers;

	private final Map<String, Map<String, Long>> numberCounts = new ConcurrentHashMap<>();

	SyncMetrics(BusinessDirectory businesses, SyncRunLifecycle runs, NumberStatistics statistics,
			MeterRegistry meters) {
		this.businesses = businesses;
		this.runs = runs;
		this.statistics = statistics;
		this.meters = meters;
		this.numbers = MultiGauge.builder("preverified.numbers")
			.description("Listed pre-verified numbers by business and verification status")
			.register(meters);
	}

	@EventListener(ApplicationReadyEvent.class)
	void registerBusinesses() {
		this.businesses.ids().forEach(this::register);
		registerNumbers();
	}

	@EventListener
	void businessesChanged(BusinessesChanged changed) {
		changed.added().forEach(this::register);
		changed.removed().forEach((businessId) -> {
			this.meters.find("preverified.last.success.timestamp.seconds")
				.tag("business_id", businessId)
				.meters()
				.forEach(this.meters::remove);
			this.meters.find("preverified.sync.removals.held")
				.tag("business_id", businessId)
				.meters()
				.forEach(this.meters::remove);
			this.numberCounts.remove(businessId);
		});
		registerNumbers();
	}

	private void register(String businessId) {
		this.lastSuccess.put(businessId, this.runs.lastSuccessAt(businessId).map(Instant::getEpochSecond).orElse(0L));
		Gauge
			.builder("preverified.last.success.timestamp.seconds", this.lastSuccess,
					(times) -> times.getOrDefault(businessId, 0L))
			.description("End of the last successful run of a business, as epoch seconds")
			.tag("business_id", businessId)
			.register(this.meters);
		Gauge.builder("preverified.sync.removals.held", this.removalsHeld, (held) -> held.getOrDefault(businessId, 0))
			.description("Numbers the last complete run of a business no longer listed but held back from "
					+ "removal until the next complete run confirms")
			.tag("business_id", businessId)
			.register(this.meters);
		countNumbers(businessId);
	}

	void runEnded(String businessId, SyncRun ended, Duration took, Instant endedAt) {
		boolean succeeded = ended != null;
		String outcome = succeeded ? "succeeded" : "failed";
		Counter.builder("preverified.sync.runs")
			.description("Runs by business and outcome")
			.tag("business_id", businessId)
			.tag("outcome", outcome)
			.register(this.meters)
			.increment();
		Timer.builder("preverified.sync.duration")
			.description("How long runs take")
			.tag("business_id", businessId)
			.tag("outcome", outcome)
			.register(this.meters)
			.record(took);
		if (succeeded) {
			this.lastSuccess.put(businessId, endedAt.getEpochSecond());
			this.removalsHeld.put(businessId, ended.getRemovalsHeld());
		}
		// only this business's counts can have changed
		countNumbers(businessId);
		registerNumbers();
	}

	private void countNumbers(String businessId) {
		this.numberCounts.put(businessId, this.statistics.countByStatus(businessId));
	}

	private void registerNumbers() {
		List<MultiGauge.Row<?>> rows = new ArrayList<>();
		this.numberCounts.forEach((businessId, counts) -> counts.forEach((status, count) -> rows
			.add(MultiGauge.Row.of(Tags.of("business_id", businessId, "status", status), count))));
		this.numbers.register(rows, true);
	}

}
