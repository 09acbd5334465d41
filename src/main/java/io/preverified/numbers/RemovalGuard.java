package io.preverified.numbers;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many numbers a complete run may remove at once
 * ({@code preverified.sync.removal-guard}): more than
 * {@code max(minNumbers, ratio x listed numbers)} is more likely an upstream fault than
 * customers claiming numbers, and waits for the next complete run to confirm it.
 *
 * @param ratio share of the listed numbers that may leave in one run ({@code 1.0}
 * disables the guard)
 * @param minNumbers numbers that may always leave in one run, so that a small pool can
 * empty at once
 */
public record RemovalGuard(@DecimalMin("0.0") @DecimalMax("1.0") @DefaultValue("0.5") double ratio,
		@Min(0) @DefaultValue("10") int minNumbers) {

	long threshold(long listed) {
		return Math.max(this.minNumbers, (long) Math.floor(this.ratio * listed));
	}

}
