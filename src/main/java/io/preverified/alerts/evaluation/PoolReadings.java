package io.preverified.alerts.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.preverified.alerts.AlertsEvaluated;
import io.preverified.businesses.BusinessDirectory;
import io.preverified.numbers.Pool;
import io.preverified.numbers.PoolHistory;
import io.preverified.numbers.Pools;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Each business's pool, read once at every evaluation: its gauges
 * {@code preverified_pool_offerable{business_id}} and
 * {@code preverified_pool_days_until_empty{business_id}} (+Inf while the business had no
 * claim in 30 days), and the reading of the hour in its trend.
 */
@Component
class PoolReadings {

	private static final Logger logger = LoggerFactory.getLogger(PoolReadings.class);

	private final Pools pools;

	private final PoolHistory history;

	private final BusinessDirectory businesses;

	private final MultiGauge offerable;

	private final MultiGauge daysUntilEmpty;

	PoolReadings(Pools pools, PoolHistory history, BusinessDirectory businesses, MeterRegistry meters) {
		this.pools = pools;
		this.history = history;
		this.businesses = businesses;
		this.offerable = MultiGauge.builder("preverified.pool.offerable")
			.description("Numbers a business can still hand out: listed, VERIFIED, unheld, valid long enough")
			.register(meters);
		this.daysUntilEmpty = MultiGauge.builder("preverified.pool.days.until.empty")
			.description("Offerable numbers over claims a day in the last 30 days")
			.register(meters);
	}

	@EventListener
	void alertsEvaluated(AlertsEvaluated event) {
		try {
			refresh();
		}
		catch (RuntimeException ex) {
			logger.warn("Could not read the pools for their gauges and trend", ex);
		}
	}

	synchronized void refresh() {
		Map<String, Pool> pools = this.pools.of(this.businesses.ids());
		List<MultiGauge.Row<?>> offerable = new ArrayList<>();
		List<MultiGauge.Row<?>> days = new ArrayList<>();
		pools.forEach((businessId, pool) -> {
			offerable.add(MultiGauge.Row.of(Tags.of("business_id", businessId), pool.offerable()));
			// without claims the pool lasts for ever: +Inf, which no threshold crosses
			days.add(MultiGauge.Row.of(Tags.of("business_id", businessId),
					(pool.daysUntilEmpty() != null) ? pool.daysUntilEmpty() : Double.POSITIVE_INFINITY));
		});
		this.offerable.register(offerable, true);
		this.daysUntilEmpty.register(days, true);
		this.history.record(pools);
	}

}
