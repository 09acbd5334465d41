package io.preverified.sync;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;

import org.springframework.stereotype.Component;

/**
 * One lock per business in the shared database, so that a business is synced by one
 * replica at a time. A held lock is extended while its run goes on; one whose holder died
 * lapses after {@link #LEASE}.
 */
@Component
class SyncLocks {

	static final Duration LEASE = Duration.ofMinutes(2);

	private final LockProvider lockProvider;

	private final Clock clock;

	SyncLocks(LockProvider lockProvider, Clock clock) {
		this.lockProvider = lockProvider;
		this.clock = clock;
	}

	Optional<SimpleLock> tryLock(String businessId) {
		return this.lockProvider
			.lock(new LockConfiguration(this.clock.instant(), "sync-" + businessId, LEASE, Duration.ZERO));
	}

}
