package io.preverified.numbers;

/**
 * How many numbers a complete run may remove at once: more than
 * {@code max(minNumbers, ratio x listed numbers)} is more likely an upstream fault than
 * customers claiming numbers, and waits for the next complete run to confirm it.
 *
 * @param ratio share of the listed numbers that may leave in one run ({@code 1.0}
 * disables the guard)
 * @param minNumbers numbers that may always leave in one run, so that a small pool can
 * empty at once
 */
public record RemovalGuard(double ratio, int minNumbers) {

	long threshold(long listed) {
		return Math.max(this.minNumbers, (long) Math.floor(this.ratio * listed));
	}

}
