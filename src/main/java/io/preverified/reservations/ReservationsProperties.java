package io.preverified.reservations;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How reservations hold numbers, bound from {@code preverified.reservations}.
 *
 * @param defaultHold how long a reservation holds its numbers when it does not say
 * @param maxHold the longest hold a reservation may ask for
 * @param defaultValidFor the verification time a reserved number must have left when the
 * reservation does not say
 */
@Validated
@ConfigurationProperties("preverified.reservations")
record ReservationsProperties(@NotNull @DurationMin(seconds = 1) @DefaultValue("30m") Duration defaultHold,
		@NotNull @DurationMin(seconds = 1) @DefaultValue("1d") Duration maxHold,
		@NotNull @DurationMin(seconds = 0) @DefaultValue("7d") Duration defaultValidFor) {

	ReservationsProperties {
		if (defaultHold != null && maxHold != null && defaultHold.compareTo(maxHold) > 0) {
			throw new IllegalArgumentException("preverified.reservations.default-hold (" + defaultHold
					+ ") must not be longer than preverified.reservations.max-hold (" + maxHold + ")");
		}
	}

}
