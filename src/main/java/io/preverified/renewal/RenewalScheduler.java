package io.preverified.renewal;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import io.preverified.alerts.AlertsEvaluated;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Starts a round of renewal at every evaluation of the alerts, when
 * {@code preverified.renewal.enabled}: on a thread of its own, so that the evaluations
 * keep their pace, one round at a time, and on one replica at a time (a lock in the
 * database).
 */
@Component
class RenewalScheduler implements DisposableBean {

	private static final String LOCK = "renewal";

	/** The longest a round holds the lock should its replica die. */
	private static final Duration LONGEST_ROUND = Duration.ofMinutes(30);

	private final Renewer renewer;

	private final RenewalProperties properties;

	private final LockProvider locks;

	private final Clock clock;

	private final ExecutorService rounds = Executors.newSingleThreadExecutor((task) -> {
		Thread thread = new Thread(task, "renewal");
		thread.setDaemon(true);
		return thread;
	});

	private final AtomicBoolean running = new AtomicBoolean();

	RenewalScheduler(Renewer renewer, RenewalProperties properties, LockProvider locks, Clock clock) {
		this.renewer = renewer;
		this.properties = properties;
		this.locks = locks;
		this.clock = clock;
	}

	@EventListener
	void alertsEvaluated(AlertsEvaluated event) {
		if (this.properties.enabled() && this.running.compareAndSet(false, true)) {
			this.rounds.execute(() -> {
				try {
					renewOnOneReplica();
				}
				finally {
					this.running.set(false);
				}
			});
		}
	}

	void renewOnOneReplica() {
		SimpleLock lock = this.locks
			.lock(new LockConfiguration(this.clock.instant(), LOCK, LONGEST_ROUND, Duration.ZERO))
			.orElse(null);
		if (lock == null) {
			return;
		}
		try {
			this.renewer.renewAll();
		}
		finally {
			lock.unlock();
		}
	}

	@Override
	public void destroy() {
		this.rounds.shutdownNow();
	}

}
