package io.preverified.sync;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import net.javacrumbs.shedlock.core.SimpleLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A business's lock while this replica holds it, extended every third of its lease. An
 * extension that fails ends the lease for good: another replica may take the lock once it
 * lapses, so the run that held it must stop before its next write.
 */
final class RunLease implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(RunLease.class);

	private final String businessId;

	private final Duration lease;

	private volatile SimpleLock lock;

	private volatile boolean lost;

	private volatile ScheduledFuture<?> renewal;

	private RunLease(String businessId, SimpleLock lock, Duration lease) {
		this.businessId = businessId;
		this.lock = lock;
		this.lease = lease;
	}

	static RunLease hold(String businessId, SimpleLock lock, Duration lease, ScheduledExecutorService renewals) {
		RunLease runLease = new RunLease(businessId, lock, lease);
		long every = Math.max(1, lease.toMillis() / 3);
		runLease.renewal = renewals.scheduleWithFixedDelay(runLease::extend, every, every, TimeUnit.MILLISECONDS);
		return runLease;
	}

	/**
	 * Whether the lock may have passed to another replica.
	 * @return {@code true} once an extension failed
	 */
	boolean isLost() {
		return this.lost;
	}

	void extend() {
		if (this.lost) {
			return;
		}
		try {
			this.lock = this.lock.extend(this.lease, Duration.ZERO)
				.orElseThrow(() -> new IllegalStateException("the lock is no longer held by this replica"));
		}
		catch (RuntimeException ex) {
			this.lost = true;
			ScheduledFuture<?> renewal = this.renewal;
			if (renewal != null) {
				renewal.cancel(false);
			}
			logger.error("Could not extend the lock of business {}: its run stops before its next write",
					this.businessId, ex);
		}
	}

	/**
	 * Stops extending and releases the lock; one that cannot be released lapses after its
	 * lease.
	 */
	@Override
	public void close() {
		ScheduledFuture<?> renewal = this.renewal;
		if (renewal != null) {
			renewal.cancel(false);
		}
		if (this.lost) {
			return;
		}
		this.lost = true;
		try {
			this.lock.unlock();
		}
		catch (RuntimeException ex) {
			logger.warn("Could not release the lock of business {}; it lapses within {}", this.businessId, this.lease,
					ex);
		}
	}

}
