package io.preverified.graphapi;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

import reactor.core.publisher.Mono;

/**
 * The pace of one business's calls: after a response that reports a block
 * ({@code estimated_time_to_regain_access}), the next call waits that long; when usage
 * passes {@value #SLOW_DOWN_PERCENT}%, calls slow down before upstream blocks them. No
 * pause exceeds {@code max-backoff}: a longer block ends the call instead.
 */
final class Throttle {

	static final int SLOW_DOWN_PERCENT = 90;

	private final String businessId;

	private final Duration unitPause;

	private final Duration maxPause;

	private final PauseScheduler pauses;

	private final Clock clock;

	private volatile Instant notBefore;

	private volatile int lastUsagePercent;

	Throttle(String businessId, Duration unitPause, Duration maxPause, PauseScheduler pauses, Clock clock) {
		this.businessId = businessId;
		this.unitPause = unitPause;
		this.maxPause = maxPause;
		this.pauses = pauses;
		this.clock = clock;
	}

	void record(Usage usage) {
		this.lastUsagePercent = usage.percent();
		Instant now = this.clock.instant();
		if (usage.blocks()) {
			this.notBefore = now.plus(usage.regainAccessAfter());
		}
		else if (usage.percent() >= SLOW_DOWN_PERCENT) {
			Duration pause = this.unitPause.multipliedBy(usage.percent() - SLOW_DOWN_PERCENT + 1);
			this.notBefore = now.plus(min(pause, this.maxPause));
		}
	}

	/**
	 * Waits until the business may call again.
	 * @param waiting told how long before a wait
	 * @return completes when it may, or fails when upstream blocks it for longer than the
	 * longest pause allowed
	 */
	Mono<Void> awaitTurn(Consumer<Duration> waiting) {
		return Mono.defer(() -> {
			Instant until = this.notBefore;
			if (until == null) {
				return Mono.empty();
			}
			Duration wait = Duration.between(this.clock.instant(), until);
			if (wait.compareTo(this.maxPause) > 0) {
				return Mono.error(new GraphApiThrottledException(this.businessId, wait, this.maxPause));
			}
			this.notBefore = null;
			waiting.accept(wait);
			return this.pauses.pause(wait);
		});
	}

	boolean isBlocking() {
		Instant until = this.notBefore;
		return until != null && until.isAfter(this.clock.instant());
	}

	int lastUsagePercent() {
		return this.lastUsagePercent;
	}

	private static Duration min(Duration a, Duration b) {
		return (a.compareTo(b) <= 0) ? a : b;
	}

}
