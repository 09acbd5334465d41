package io.preverified;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * A clock tests can stop and move: it follows the system clock until {@link #pin()} or
 * {@link #set(Instant)}, then stays where it is put.
 */
public class MutableClock extends Clock {

	private volatile Instant pinned;

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return this;
	}

	@Override
	public Instant instant() {
		Instant at = this.pinned;
		return (at != null) ? at : Instant.now();
	}

	/**
	 * Stops the clock at the present, to the second.
	 * @return the moment it shows
	 */
	public Instant pin() {
		return set(Instant.now().truncatedTo(ChronoUnit.SECONDS));
	}

	public Instant set(Instant instant) {
		this.pinned = instant;
		return instant;
	}

	public Instant advance(Duration duration) {
		return set(instant().plus(duration));
	}

	/** Lets the clock follow the system clock again. */
	public void reset() {
		this.pinned = null;
	}

}
