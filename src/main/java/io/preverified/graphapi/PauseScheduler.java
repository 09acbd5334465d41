package io.preverified.graphapi;

import java.time.Duration;

import reactor.core.publisher.Mono;

/**
 * How the client waits between attempts and while upstream throttles a business: without
 * holding a thread.
 */
public interface PauseScheduler {

	/**
	 * A pause of the given length.
	 * @param duration how long
	 * @return completes once the pause is over
	 */
	Mono<Void> pause(Duration duration);

	/**
	 * Pauses on Reactor's timer.
	 * @return the pauses
	 */
	static PauseScheduler timed() {
		return (duration) -> (duration.compareTo(Duration.ZERO) > 0) ? Mono.delay(duration).then() : Mono.empty();
	}

}
