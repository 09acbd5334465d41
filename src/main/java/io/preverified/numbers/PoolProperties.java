package io.preverified.numbers;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * What the pool must keep, bound from {@code preverified.pool}.
 *
 * @param minOfferable per business: fewer offerable numbers fire a pool alert ({@code 0}:
 * none)
 * @param offerableValidFor an offerable number has at least this long left
 */
@Validated
@ConfigurationProperties("preverified.pool")
record PoolProperties(@Min(0) @DefaultValue("0") int minOfferable,
		@NotNull @DurationMin(seconds = 0) @DefaultValue("7d") Duration offerableValidFor) {

}
