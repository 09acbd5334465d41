package io.preverified.actions;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How often codes may be asked for, bound from {@code preverified.verification}.
 *
 * @param maxRequestsPerNumber codes asked for per number within {@code requestWindow}
 * @param requestWindow the window the limit counts in
 */
@Validated
@ConfigurationProperties("preverified.verification")
record VerificationProperties(@Min(1) @DefaultValue("3") int maxRequestsPerNumber,
		@NotNull @DurationMin(seconds = 1) @DefaultValue("1h") Duration requestWindow) {

}
