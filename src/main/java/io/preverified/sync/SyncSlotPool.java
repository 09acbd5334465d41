package io.preverified.sync;

import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

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
	 * @return the slot, to close when the run ends
	 */
	Slot take() {
		this.slots.acquireUninterruptibly();
		return new Slot();
	}

	/**
	 * One run's slot.
	 */
	final class Slot implements AutoCloseable {

		private final AtomicBoolean held = new AtomicBoolean(true);

		/**
		 * Lends the slot to another run; never blocks.
		 */
		void lend() {
			if (this.held.compareAndSet(true, false)) {
				SyncSlotPool.this.slots.release();
			}
		}

		/**
		 * Takes the slot back if it was lent, waiting for one if need be.
		 */
		void reclaim() {
			if (!this.held.get()) {
				SyncSlotPool.this.slots.acquireUninterruptibly();
				this.held.set(true);
			}
		}

		@Override
		public void close() {
			lend();
		}

	}

}
