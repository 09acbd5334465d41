package io.preverified.reservations;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.preverified.businesses.BusinessDirectory;
import io.preverified.sync.SyncRunEnded;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Ends reservations that ended by themselves: holds past their time ({@code EXPIRED}) and
 * holds one of whose numbers a complete run no longer listed ({@code CLAIMED}), freeing
 * their other numbers. Runs after every run and every {@link #EVERY}; also keeps
 * {@code preverified_numbers_held{business_id}}.
 */
@Component
class ReservationSweeper {

	private static final Logger logger = LoggerFactory.getLogger(ReservationSweeper.class);

	static final Duration EVERY = Duration.ofSeconds(15);

	private final ReservationStore store;

	private final ReservationService reservations;

	private final ClaimRecorder claims;

	private final TransactionTemplate transactions;

	private final TaskScheduler scheduler;

	private final Clock clock;

	private final BusinessDirectory businesses;

	private final MultiGauge held;

	ReservationSweeper(ReservationStore store, ReservationService reservations, ClaimRecorder claims,
			TransactionTemplate transactions, TaskScheduler scheduler, BusinessDirectory businesses,
			MeterRegistry meters, Clock clock) {
		this.store = store;
		this.reservations = reservations;
		this.claims = claims;
		this.transactions = transactions;
		this.scheduler = scheduler;
		this.clock = clock;
		this.businesses = businesses;
		this.held = MultiGauge.builder("preverified.numbers.held")
			.description("Listed numbers a reservation holds, by business")
			.register(meters);
	}

	@EventListener(ApplicationReadyEvent.class)
	void start() {
		this.scheduler.scheduleWithFixedDelay(this::sweep, EVERY);
	}

	@EventListener
	void runEnded(SyncRunEnded event) {
		sweep();
	}

	void sweep() {
		try {
			this.transactions.executeWithoutResult((status) -> {
				this.store.expire(this.clock.instant())
					.forEach((businessId) -> this.reservations.count(businessId, "expired"));
				// a customer claimed it, as far as a run can tell: no WABA, no customer
				this.store.claimUnlisted().forEach(this.claims::inferred);
			});
			// every business kept, those added at runtime too, at 0 when nothing is held
			Map<String, Long> counts = this.store.heldByBusiness(this.clock.instant());
			this.held.register(this.businesses.ids()
				.stream()
				.map((businessId) -> MultiGauge.Row.of(Tags.of("business_id", businessId),
						counts.getOrDefault(businessId, 0L)))
				.toList(), true);
		}
		catch (RuntimeException ex) {
			logger.error("Could not sweep the reservations", ex);
		}
	}

}
