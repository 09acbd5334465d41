package io.preverified.numbers;

import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * {@code preverified_numbers_removed_total{business_id,reason}}: numbers that left the
 * pool, counted once the removal commits.
 */
@Component
class RemovedNumbersMetric {

	private final MeterRegistry meters;

	RemovedNumbersMetric(MeterRegistry meters) {
		this.meters = meters;
	}

	void countAfterCommit(String businessId, Map<String, Integer> byReason) {
		if (byReason.isEmpty()) {
			return;
		}
		Runnable count = () -> byReason.forEach((reason, removed) -> Counter.builder("preverified.numbers.removed")
			.description("Numbers that left the pool, by business and removal reason")
			.tag("business_id", businessId)
			.tag("reason", reason)
			.register(this.meters)
			.increment(removed));
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

				@Override
				public void afterCommit() {
					count.run();
				}

			});
		}
		else {
			count.run();
		}
	}

}
