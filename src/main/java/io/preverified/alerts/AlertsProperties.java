package io.preverified.alerts;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Alert thresholds and notifications, bound from {@code preverified.alerts}.
 *
 * @param reverifyWindow how long before expiry re-verification becomes possible (upstream
 * allows it in the last 45 days)
 * @param warning how long before expiry an alert turns WARNING
 * @param critical how long before expiry an alert turns CRITICAL
 * @param evaluationInterval time between two evaluations; severities move with time, not
 * only after a sync
 * @param webhook where notifications go
 * @param alertmanager the Alertmanager open alerts are pushed to
 */
@Validated
@ConfigurationProperties("preverified.alerts")
public record AlertsProperties(@NotNull @DurationMin(seconds = 1) @DefaultValue("45d") Duration reverifyWindow,
		@NotNull @DurationMin(seconds = 1) @DefaultValue("14d") Duration warning,
		@NotNull @DurationMin(seconds = 1) @DefaultValue("3d") Duration critical,
		@NotNull @DurationMin(seconds = 1) @DefaultValue("1m") Duration evaluationInterval,
		@Valid @NotNull @DefaultValue Webhook webhook, @Valid @NotNull @DefaultValue Alertmanager alertmanager) {

	public AlertsProperties {
		if (critical != null && warning != null && critical.compareTo(warning) >= 0) {
			throw new IllegalArgumentException("preverified.alerts.critical (" + critical
					+ ") must be shorter than preverified.alerts.warning (" + warning + ")");
		}
		if (warning != null && reverifyWindow != null && warning.compareTo(reverifyWindow) >= 0) {
			throw new IllegalArgumentException("preverified.alerts.warning (" + warning
					+ ") must be shorter than preverified.alerts.reverify-window (" + reverifyWindow + ")");
		}
	}

	// an address to POST to: relative or other-scheme URLs would fail only at the first
	// alert
	private static void requireHttpUrl(String key, URI url) {
		if (url != null && (!url.isAbsolute() || !url.getScheme().matches("https?"))) {
			throw new IllegalArgumentException(key + " must be an absolute http or https URL, was " + url);
		}
	}

	/**
	 * Webhook notifications.
	 *
	 * @param url where notifications are POSTed; none are sent without it
	 * @param secret signs each delivery with HMAC-SHA256 when set
	 * @param groupWait changes of one business within this window go out together
	 * @param initialBackoff wait before the first retry of a refused delivery
	 * @param maxBackoff longest wait between retries
	 */
	public record Webhook(URI url, String secret,
			@NotNull @DurationMin(millis = 0) @DefaultValue("30s") Duration groupWait,
			@NotNull @DurationMin(millis = 1) @DefaultValue("5s") Duration initialBackoff,
			@NotNull @DurationMin(millis = 1) @DefaultValue("10m") Duration maxBackoff) {

		public Webhook {
			requireHttpUrl("preverified.alerts.webhook.url", url);
		}

		public boolean enabled() {
			return this.url != null;
		}

		@Override
		public String toString() {
			return "Webhook[url=%s, secret=%s, groupWait=%s]".formatted(this.url,
					(this.secret != null) ? "******" : null, this.groupWait);
		}

	}

	/**
	 * Alertmanager, which open alerts are pushed to at every evaluation.
	 *
	 * @param url its base URL, such as {@code http://alertmanager:9093}; nothing is
	 * pushed without it
	 */
	public record Alertmanager(URI url) {

		public Alertmanager {
			requireHttpUrl("preverified.alerts.alertmanager.url", url);
		}

		public boolean enabled() {
			return this.url != null;
		}

	}

}
