package io.preverified.sync;

/**
 * Thrown when a run may no longer write: it lost its lock, or it was already ended (as
 * abandoned, by the replica that took the lock over).
 */
class RunFencedException extends RuntimeException {

	RunFencedException(String message) {
		super(message);
	}

}
