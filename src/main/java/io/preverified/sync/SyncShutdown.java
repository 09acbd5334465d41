package io.preverified.sync;

import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Ends runs cleanly when the service stops: no new run starts, a run in progress stops
 * before its next page and is recorded as failed, and the context waits for that (up to
 * {@link #WAIT}) while the database is still there.
 */
@Component
class SyncShutdown implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(SyncShutdown.class);

	static final Duration WAIT = Duration.ofSeconds(30);

	private volatile Sinks.Empty<Void> stopped = Sinks.empty();

	private final ReentrantLock lock = new ReentrantLock();

	private final Condition idle = this.lock.newCondition();

	private volatile boolean running;

	private volatile boolean stopping;

	private int activeRuns;

	// a stopped context may start again (tests pause cached contexts): runs may start
	// again too
	@Override
	public void start() {
		if (this.stopping) {
			this.stopped = Sinks.empty();
			this.stopping = false;
		}
		this.running = true;
	}

	@Override
	public void stop() {
		this.stopping = true;
		this.stopped.tryEmitEmpty();
		this.lock.lock();
		try {
			long nanos = WAIT.toNanos();
			while (this.activeRuns > 0 && nanos > 0) {
				logger.info("Waiting for {} run(s) to stop", this.activeRuns);
				nanos = this.idle.awaitNanos(nanos);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		finally {
			this.lock.unlock();
			this.running = false;
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	boolean isStopping() {
		return this.stopping;
	}

	/**
	 * Completes when the service starts to stop.
	 * @return the signal
	 */
	Mono<Void> stopped() {
		return Mono.defer(() -> this.stopped.asMono());
	}

	void runStarted() {
		this.lock.lock();
		try {
			this.activeRuns++;
		}
		finally {
			this.lock.unlock();
		}
	}

	void runEnded() {
		this.lock.lock();
		try {
			this.activeRuns--;
			this.idle.signalAll();
		}
		finally {
			this.lock.unlock();
		}
	}

}
