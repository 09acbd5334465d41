package io.preverified.graphapi;

import java.time.Duration;

import reactor.core.publisher.Mono;

/**
 * Told when the client is about to wait for a business (a backoff between attempts, or
 * while upstream throttles it), so that a caller can lend what it holds meanwhile.
 */
@FunctionalInterface
public interface PauseListener {

	/**
	 * Listens to nothing.
	 */
	PauseListener NONE = (duration) -> {
	};

	/**
	 * Called on the thread that starts the pause; must not block.
	 * @param duration how long the pause lasts
	 */
	void pausing(Duration duration);

	/**
	 * Pauses that tell the listener in the subscriber's context before each pause.
	 * @param pauses the pauses
	 * @return the same pauses, told about
	 */
	static PauseScheduler telling(PauseScheduler pauses) {
		return (duration) -> Mono.deferContextual((context) -> {
			context.<PauseListener>getOrEmpty(PauseListener.class).ifPresent((listener) -> listener.pausing(duration));
			return pauses.pause(duration);
		});
	}

}
