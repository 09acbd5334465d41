package io.preverified.graphapi;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the Graph API client, bound from {@code preverified.graph-api}.
 *
 * @param baseUrl scheme, host and optional port of the Graph API, without a path
 * @param version Graph API version used in every request path, such as {@code v25.0}
 * @param appSecret app secret; when set every request carries {@code appsecret_proof}
 * @param pageSize number of numbers asked for per page (the {@code limit} parameter)
 * @param connectTimeout time allowed to open a connection
 * @param readTimeout time allowed for a response
 * @param retry how failed requests are retried
 */
@Validated
@ConfigurationProperties("preverified.graph-api")
record GraphApiProperties(@NotBlank @Pattern(regexp = "https?://[^/?#\\s]+/?",
		message = "must be a scheme and host with an optional port, such as https://graph.facebook.com") @DefaultValue("https://graph.facebook.com") String baseUrl,
		@NotBlank @Pattern(regexp = "v\\d+\\.\\d+",
				message = "must look like v25.0") @DefaultValue("v25.0") String version,
		String appSecret, @Min(1) @Max(500) @DefaultValue("100") int pageSize,
		@NotNull @DurationMin(millis = 1) @DefaultValue("5s") Duration connectTimeout,
		@NotNull @DurationMin(millis = 1) @DefaultValue("30s") Duration readTimeout,
		@Valid @NotNull @DefaultValue Retry retry) {

	@Override
	public String toString() {
		return "GraphApiProperties[baseUrl=%s, version=%s, appSecret=%s, pageSize=%d]".formatted(this.baseUrl,
				this.version, (this.appSecret != null) ? "******" : null, this.pageSize);
	}

	/**
	 * Retry settings of one request.
	 *
	 * @param maxAttempts attempts per request, the first one included
	 * @param initialBackoff wait before the first retry; it doubles with each retry
	 * @param maxBackoff longest wait between two attempts
	 */
	record Retry(@Min(1) @DefaultValue("6") int maxAttempts,
			@NotNull @DurationMin(millis = 0) @DefaultValue("1s") Duration initialBackoff,
			@NotNull @DurationMin(millis = 0) @DefaultValue("2m") Duration maxBackoff) {

		Retry {
			if (initialBackoff != null && maxBackoff != null && initialBackoff.compareTo(maxBackoff) > 0) {
				throw new IllegalArgumentException("preverified.graph-api.retry.initial-backoff (" + initialBackoff
						+ ") must not be longer than preverified.graph-api.retry.max-backoff (" + maxBackoff + ")");
			}
		}

	}

}
