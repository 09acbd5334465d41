package io.preverified.sync;

import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

import io.micrometer.observation.Observation;

import org.springframework.stereotype.Component;

/**
 * The {@code max-concurrent-businesses} slots that runs take turns in. A run lends its
 * slot while the client pauses for its business (a backoff, or upstream throttling it),
 * so a throttled business never keeps another waiting, and takes a slot back before it
 * writes again.
 */
@Component
class SyncSlotPool {

	private final Semaphore slots;

	SyncSlotPool(SyncProperties properties) {
		this.slots = new Semaphore(properties.sync().maxConcurrentBusinesses(), true);
	}

	/**
	 * Waits for a slot.
	 * @param run the run's observation, whose span shows when the slot was taken, lent
	 * and taken back
	 * @return the slot, to close when the run ends
	 */
	Slot take(Observation run) {
		this.slots.acquireUninterruptibly();
		run.event(Event.TAKEN);
		return new Slot(run);
	}

	/**
	 * One run's slot.
	 */
	final class Slot implements AutoCloseable {

		private final AtomicBoolean held = new AtomicBoolean(true);

		private final Observation run;

		private Slot(Observation run) {
			this.run = run;
		}

		/**
		 * Lends the slot to another run; never blocks.
		 */
		void lend() {
			if (release()) {
				this.run.event(Event.LENT);
			}
		}

		/**
		 * Takes the slot back if it was lent, waiting for one if need be.
		 */
		void reclaim() {
			if (!this.held.get()) {
				SyncSlotPool.this.slots.acquireUninterruptibly();
				this.held.set(true);
				this.run.event(Event.RECLAIMED);
			}
		}

		@Override
		public void close() {
			release();
		}

		// whether the slot was held, and is given back now
		private boolean release() {
			if (this.held.compareAndSet(true, false)) {
				SyncSlotPool.this.slots.release();
				return true;
			}
			return false;
		}

	}

	/**
	 * What a run's span records of its slot.
	 */
	static final class Event {

		static final Observation.Event TAKEN = Observation.Event.of("slot taken");

		// while the client pauses for this business
		static final Observation.Event LENT = Observation.Event.of("slot lent");

		// to write the next page
		static final Observation.Event RECLAIMED = Observation.Event.of("slot reclaimed");

		private Event() {
		}

	}

}
