package io.preverified.renewal;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Renewal by the service itself, bound from {@code preverified.renewal}.
 *
 * @param enabled whether the service asks for codes by itself
 * @param startBefore a VERIFIED number gets a code this long before it expires (at most
 * {@code preverified.alerts.reverify-window})
 * @param codeMethod {@code SMS} or {@code VOICE}
 * @param language the language of the message
 * @param maxPerHour codes asked for per business per hour
 * @param retryAfter a number that got no code is asked for one again after this
 */
@Validated
@ConfigurationProperties("preverified.renewal")
record RenewalProperties(@DefaultValue("false") boolean enabled,
		@NotNull @DurationMin(seconds = 1) @DefaultValue("40d") Duration startBefore,
		@NotNull @Pattern(regexp = "SMS|VOICE",
				message = "must be SMS or VOICE") @DefaultValue("SMS") String codeMethod,
		@NotNull @Pattern(regexp = "[a-z]{2,3}(_[A-Z]{2})?",
				message = "must be a language code such as en_US") @DefaultValue("en_US") String language,
		@Min(1) @DefaultValue("60") int maxPerHour,
		@NotNull @DurationMin(seconds = 1) @DefaultValue("6h") Duration retryAfter) {

}
