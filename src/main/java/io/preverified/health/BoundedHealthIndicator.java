package io.preverified.health;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * A health indicator that answers within a time limit: the check runs on a thread of its
 * own, and one that does not answer in time reports {@code onTimeout} while it goes on.
 * Probes that arrive meanwhile wait for the same check rather than pile up more threads
 * on a database that does not answer.
 */
public final class BoundedHealthIndicator implements HealthIndicator {

	/**
	 * Longest a bounded check takes; the whole health endpoint answers within a few of
	 * them.
	 */
	public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);

	private final HealthIndicator delegate;

	private final Duration timeout;

	private final Status onTimeout;

	private final Executor executor;

	private CompletableFuture<Health> inFlight = CompletableFuture.completedFuture(null);

	/**
	 * Bounds a health indicator.
	 * @param name names the indicator's thread
	 * @param delegate the check
	 * @param timeout how long to wait for it
	 * @param onTimeout the status reported when it does not answer in time
	 */
	public BoundedHealthIndicator(String name, HealthIndicator delegate, Duration timeout, Status onTimeout) {
		this.delegate = delegate;
		this.timeout = timeout;
		this.onTimeout = onTimeout;
		this.executor = Executors.newCachedThreadPool((task) -> {
			Thread thread = new Thread(task, "health-" + name);
			thread.setDaemon(true);
			return thread;
		});
	}

	@Override
	public Health health() {
		CompletableFuture<Health> check = check();
		try {
			return check.get(this.timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			return Health.status(this.onTimeout).withDetail("error", "No answer within " + this.timeout).build();
		}
		catch (ExecutionException ex) {
			return Health.down().withException((Exception) ex.getCause()).build();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Health.unknown().withDetail("error", "Interrupted").build();
		}
	}

	private synchronized CompletableFuture<Health> check() {
		if (this.inFlight.isDone()) {
			this.inFlight = CompletableFuture.supplyAsync(this::delegateHealth, this.executor);
		}
		return this.inFlight;
	}

	private Health delegateHealth() {
		try {
			return this.delegate.health();
		}
		catch (RuntimeException ex) {
			return Health.down(ex).build();
		}
	}

}
