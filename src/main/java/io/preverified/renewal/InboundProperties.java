package io.preverified.renewal;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where codes arrive, bound from {@code preverified.inbound}.
 *
 * @param twilioAuthToken Twilio's auth token; set, {@code POST /webhooks/twilio/sms} is
 * on and its requests' signatures are checked with it
 * @param publicUrl the URL Twilio calls (and signs), when a proxy rewrites it
 * @param maxCodeAge a code answers a request made at most this long before
 */
@Validated
@ConfigurationProperties("preverified.inbound")
record InboundProperties(String twilioAuthToken, URI publicUrl,
		@NotNull @DurationMin(seconds = 1) @DefaultValue("15m") Duration maxCodeAge) {

	InboundProperties {
		if (publicUrl != null && (!publicUrl.isAbsolute() || !publicUrl.getScheme().matches("https?"))) {
			throw new IllegalArgumentException(
					"preverified.inbound.public-url must be an absolute http or https URL, was " + publicUrl);
		}
	}

	boolean twilioEnabled() {
		return this.twilioAuthToken != null && !this.twilioAuthToken.isBlank();
	}

	@Override
	public String toString() {
		return "InboundProperties[twilioAuthToken=%s, publicUrl=%s, maxCodeAge=%s]"
			.formatted(twilioEnabled() ? "******" : null, this.publicUrl, this.maxCodeAge);
	}

}
