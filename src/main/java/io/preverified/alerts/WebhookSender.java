package io.preverified.alerts;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Sends due webhook deliveries. A delivery is claimed for a lease before it is sent, so
 * two replicas never send it at once; one refused, failed or unanswered is retried with
 * exponential backoff and no limit on attempts. Its {@code Idempotency-Key} stays the
 * same across attempts, so a receiver can drop a duplicate.
 */
@Component
class WebhookSender {

	private static final Logger logger = LoggerFactory.getLogger(WebhookSender.class);

	private static final Duration LEASE = Duration.ofMinutes(2);

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private static final int BATCH = 20;

	private final JdbcTemplate jdbc;

	private final AlertsProperties properties;

	private final WebClient webClient;

	private final MeterRegistry meters;

	private final Clock clock;

	WebhookSender(JdbcTemplate jdbc, AlertsProperties properties, WebClient.Builder webClient, MeterRegistry meters,
			Clock clock) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.webClient = webClient.clone().build();
		this.meters = meters;
		this.clock = clock;
	}

	/**
	 * Sends what is due.
	 * @return how many deliveries were accepted
	 */
	int sendDue() {
		if (!this.properties.webhook().enabled()) {
			return 0;
		}
		int accepted = 0;
		for (Delivery delivery : claimDue()) {
			if (send(delivery)) {
				accepted++;
			}
		}
		return accepted;
	}

	private List<Delivery> claimDue() {
		Instant now = this.clock.instant();
		return this.jdbc.query("""
				update webhook_deliveries set next_attempt_at = ?
				where id in (select id from webhook_deliveries where status = 'PENDING' and next_attempt_at <= ?
				    order by id limit ? for update skip locked)
				returning id, idempotency_key, payload, attempts""",
				(row, index) -> new Delivery(row.getLong("id"), row.getString("idempotency_key"),
						row.getString("payload"), row.getInt("attempts")),
				Timestamp.from(now.plus(LEASE)), Timestamp.from(now), BATCH);
	}

	private boolean send(Delivery delivery) {
		byte[] body = delivery.payload().getBytes(StandardCharsets.UTF_8);
		long timestamp = this.clock.instant().getEpochSecond();
		String error;
		try {
			Integer status = this.webClient.post()
				.uri(this.properties.webhook().url())
				.contentType(MediaType.APPLICATION_JSON)
				.contentLength(body.length)
				.header("Idempotency-Key", delivery.idempotencyKey())
				.header("X-Preverified-Timestamp", Long.toString(timestamp))
				.headers((headers) -> {
					String secret = this.properties.webhook().secret();
					if (secret != null && !secret.isEmpty()) {
						headers.set("X-Preverified-Signature", WebhookSignature.of(secret, timestamp, body));
					}
				})
				.bodyValue(body)
				.exchangeToMono((response) -> response.releaseBody().thenReturn(response.statusCode().value()))
				.block(TIMEOUT);
			if (status != null && status >= 200 && status < 300) {
				this.jdbc.update(
						"update webhook_deliveries set status = 'DELIVERED', delivered_at = ?, attempts = attempts + 1, last_error = null where id = ?",
						Timestamp.from(this.clock.instant()), delivery.id());
				count("delivered");
				return true;
			}
			error = "HTTP " + status;
			count("refused");
		}
		catch (RuntimeException ex) {
			error = (ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getSimpleName();
			count("failed");
		}
		Duration backoff = backoff(delivery.attempts() + 1);
		logger.warn("Webhook delivery {} was not accepted ({}); retrying in {}", delivery.id(), error, backoff);
		this.jdbc.update(
				"update webhook_deliveries set attempts = attempts + 1, next_attempt_at = ?, last_error = ? where id = ?",
				Timestamp.from(this.clock.instant().plus(backoff)), error, delivery.id());
		return false;
	}

	private Duration backoff(int attempts) {
		Duration initial = this.properties.webhook().initialBackoff();
		Duration max = this.properties.webhook().maxBackoff();
		long millis = initial.toMillis() << Math.min(attempts - 1, 30);
		long capped = Math.min(Math.max(millis, 1), max.toMillis());
		// up to a fifth of jitter, so receivers coming back are not hit by every sender
		// at once
		return Duration.ofMillis(capped - ThreadLocalRandom.current().nextLong(capped / 5 + 1));
	}

	private void count(String outcome) {
		Counter.builder("preverified.webhook.deliveries")
			.description("Webhook delivery attempts by outcome")
			.tag("outcome", outcome)
			.register(this.meters)
			.increment();
	}

	private record Delivery(long id, String idempotencyKey, String payload, int attempts) {

	}

}
