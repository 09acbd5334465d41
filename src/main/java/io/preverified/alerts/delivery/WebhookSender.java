package io.preverified.alerts.delivery;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.preverified.alerts.AlertsProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Sends due webhook deliveries, one business's in order. A delivery is claimed for a
 * lease longer than its attempt can take before it is sent, so two replicas never send it
 * at once; one the receiver finds too large (413) is split in two; one failed, unanswered
 * or refused is retried with exponential backoff, and one refused for good (a 4xx other
 * than 408 and 429) {@value #MAX_REFUSALS} times ends {@code DEAD}. Its
 * {@code Idempotency-Key} stays the same across attempts, so a receiver can drop a
 * duplicate.
 */
@Component
public class WebhookSender {

	private static final Logger logger = LoggerFactory.getLogger(WebhookSender.class);

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	// one delivery is claimed at a time, for longer than its attempt can take
	private static final Duration LEASE = TIMEOUT.plusSeconds(30);

	private static final int MAX_PER_ROUND = 20;

	/** Refusals for good after which a delivery is {@code DEAD}. */
	static final int MAX_REFUSALS = 5;

	private final WebhookDeliveryStore deliveries;

	private final AlertsProperties properties;

	private final WebClient webClient;

	private final MeterRegistry meters;

	private final Clock clock;

	private final AtomicLong deadCount = new AtomicLong();

	private final ObservationRegistry observations;

	WebhookSender(WebhookDeliveryStore deliveries, AlertsProperties properties, WebClient.Builder webClient,
			MeterRegistry meters, Clock clock, ObservationRegistry observations) {
		this.deliveries = deliveries;
		this.properties = properties;
		this.webClient = webClient.clone().build();
		this.meters = meters;
		this.clock = clock;
		this.observations = observations;
		Gauge.builder("preverified.webhook.deliveries.dead", this.deadCount, AtomicLong::get)
			.description(
					"Webhook deliveries that ended DEAD, refused for good; redeliver them once the receiver is fixed")
			.register(meters);
	}

	/**
	 * Sends what is due.
	 * @return how many deliveries were accepted
	 */
	public int sendDue() {
		if (!this.properties.webhook().enabled()) {
			return 0;
		}
		int accepted = 0;
		for (int round = 0; round < MAX_PER_ROUND; round++) {
			Optional<WebhookDeliveryStore.Delivery> delivery = this.deliveries.claimNext(this.clock.instant(), LEASE);
			if (delivery.isEmpty()) {
				break;
			}
			// each delivery is a span, parent of its request
			if (Observation.createNotStarted("preverified.webhook.delivery", this.observations)
				.contextualName("webhook delivery")
				.highCardinalityKeyValue("delivery_id", Long.toString(delivery.get().id()))
				.observe(() -> send(delivery.get()))) {
				accepted++;
			}
		}
		// another replica may have ended or redelivered one
		this.deadCount.set(this.deliveries.countDead());
		return accepted;
	}

	private boolean send(WebhookDeliveryStore.Delivery delivery) {
		byte[] body = delivery.payload().getBytes(StandardCharsets.UTF_8);
		long timestamp = this.clock.instant().getEpochSecond();
		String error;
		boolean refused = false;
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
				this.deliveries.delivered(delivery.id(), this.clock.instant());
				count("delivered");
				return true;
			}
			if (status != null && status == 413 && this.deliveries.split(delivery, this.clock.instant())) {
				logger.warn("Webhook delivery {} was too large for the receiver (HTTP 413); sent again in two halves",
						delivery.id());
				count("split");
				return false;
			}
			error = "HTTP " + status;
			refused = isRefusedForGood(status);
			count("refused");
		}
		catch (RuntimeException ex) {
			error = (ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getSimpleName();
			count("failed");
		}
		if (refused && delivery.refusals() + 1 >= MAX_REFUSALS) {
			logger.warn("Webhook delivery {} was refused {} times ({}); it is DEAD, and later deliveries go on",
					delivery.id(), MAX_REFUSALS, error);
			this.deliveries.dead(delivery.id(), error);
			count("dead");
			return false;
		}
		Duration backoff = backoff(delivery.attempts() + 1);
		logger.warn("Webhook delivery {} was not accepted ({}); retrying in {}", delivery.id(), error, backoff);
		this.deliveries.retryAt(delivery.id(), this.clock.instant().plus(backoff), error, refused);
		return false;
	}

	// a 4xx says the receiver will not take this delivery as it is, but for 408 and 429,
	// which ask to try again later
	private static boolean isRefusedForGood(Integer status) {
		return status != null && status >= 400 && status < 500 && status != 408 && status != 429;
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

	// the outcome tags the delivery's span too
	private void count(String outcome) {
		Observation delivery = this.observations.getCurrentObservation();
		if (delivery != null) {
			delivery.lowCardinalityKeyValue("outcome", outcome);
		}
		Counter.builder("preverified.webhook.deliveries")
			.description("Webhook delivery attempts by outcome")
			.tag("outcome", outcome)
			.register(this.meters)
			.increment();
	}

}
