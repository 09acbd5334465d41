package io.preverified.sync;

import java.time.Duration;

import io.preverified.numbers.RemovalGuard;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The schedule, bound from {@code preverified} (the businesses it syncs are the
 * {@code businesses} module's).
 *
 * @param sync when runs happen
 */
@Validated
@ConfigurationProperties("preverified")
record SyncProperties(@Valid @NotNull @DefaultValue Sync sync) {

	/**
	 * The sync schedule.
	 *
	 * @param interval time between the end of one run of a business and the start of the
	 * next
	 * @param initialDelay time between start-up and the first runs
	 * @param maxConcurrentBusinesses how many businesses sync at the same time
	 * @param runTimeout longest a run may take before it is failed
	 * @param lockLease how long a business's lock outlives a replica that died holding
	 * it; a live replica extends it while its run goes on
	 * @param removalGuard how many removals one complete run may make at once
	 */
	record Sync(@NotNull @DurationMin(seconds = 1) @DefaultValue("15m") Duration interval,
			@NotNull @DurationMin(seconds = 0) @DefaultValue("5s") Duration initialDelay,
			@Min(1) @DefaultValue("4") int maxConcurrentBusinesses,
			@NotNull @DurationMin(seconds = 1) @DefaultValue("1h") Duration runTimeout,
			@NotNull @DurationMin(seconds = 3) @DefaultValue("2m") Duration lockLease,
			@Valid @NotNull @DefaultValue @NestedConfigurationProperty RemovalGuard removalGuard) {

	}

}
