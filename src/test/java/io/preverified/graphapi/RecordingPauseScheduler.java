package io.preverified.graphapi;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import reactor.core.publisher.Mono;

/**
 * Pauses that take no time but are recorded, so tests can tell how long the client would
 * have waited without waiting.
 */
public class RecordingPauseScheduler implements PauseScheduler {

	private final List<Duration> pauses = new CopyOnWriteArrayList<>();

	@Override
	public Mono<Void> pause(Duration duration) {
		return Mono.fromRunnable(() -> this.pauses.add(duration));
	}

	public List<Duration> recorded() {
		return List.copyOf(this.pauses);
	}

	public void clear() {
		this.pauses.clear();
	}

}
