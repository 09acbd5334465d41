package io.preverified.sync;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * One lock per business in the shared database, so that a business is synced by one
 * replica at a time. A held lock is a {@link RunLease}, extended while its run goes on;
 * one whose holder died lapses after {@code preverified.sync.lock-lease}.
 */
@Component
class SyncLockRegistry implements DisposableBean {

	private final LockProvider lockProvider;

	private final Duration lease;

	private final Clock clock;

	private final ScheduledExecutorService renewals = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "sync-lock-renewal");
		thread.setDaemon(true);
		return thread;
	});

	SyncLockRegistry(LockProvider lockProvider, SyncProperties properties, Clock clock) {
		this.lockProvider = lockProvider;
		this.lease = properties.sync().lockLease();
		this.clock = clock;
	}

	Optional<RunLease> tryLock(String businessId) {
		return this.lockProvider
			.lock(new LockConfiguration(this.clock.instant(), "sync-" + businessId, this.lease, Duration.ZERO))
			.map((lock) -> RunLease.hold(businessId, lock, this.lease, this.renewals));
	}

	@Override
	public void destroy() {
		this.renewals.shutdownNow();
	}

}
