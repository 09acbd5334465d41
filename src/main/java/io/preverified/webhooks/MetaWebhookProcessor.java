package io.preverified.webhooks;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.preverified.businesses.Business;
import io.preverified.businesses.BusinessDirectory;
import io.preverified.graphapi.GraphApiException;
import io.preverified.graphapi.GraphApiNumberClient;
import io.preverified.graphapi.WabaPhoneNumber;
import io.preverified.numbers.NumberClaim;
import io.preverified.numbers.NumberStore;
import io.preverified.numbers.PhoneNumberNormalizer;
import io.preverified.reservations.ClaimRecorder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Processes the kept deliveries, each by one replica at a time (claimed for a lease),
 * retried with backoff until it succeeds. An {@code account_update} change with
 * {@code event: PARTNER_ADDED}: the customer's WABA is read upstream, and every pool
 * number whose phone number it now holds is claimed ({@code source: WEBHOOK}). Other
 * fields and events are kept and left alone.
 */
@Component
class MetaWebhookProcessor {

	private static final Logger logger = LoggerFactory.getLogger(MetaWebhookProcessor.class);

	private static final Duration LEASE = Duration.ofMinutes(5);

	private static final Duration UPSTREAM_TIMEOUT = Duration.ofMinutes(2);

	private static final Duration FIRST_RETRY = Duration.ofSeconds(1);

	private static final Duration LONGEST_RETRY = Duration.ofMinutes(10);

	private static final int MAX_PER_ROUND = 20;

	private final MetaWebhooksProperties properties;

	private final MetaWebhookInbox inbox;

	private final BusinessDirectory businesses;

	private final GraphApiNumberClient graphApi;

	private final NumberStore numbers;

	private final ClaimRecorder claims;

	private final JsonMapper json;

	private final Clock clock;

	MetaWebhookProcessor(MetaWebhooksProperties properties, MetaWebhookInbox inbox, BusinessDirectory businesses,
			GraphApiNumberClient graphApi, NumberStore numbers, ClaimRecorder claims, JsonMapper json, Clock clock) {
		this.properties = properties;
		this.inbox = inbox;
		this.businesses = businesses;
		this.graphApi = graphApi;
		this.numbers = numbers;
		this.claims = claims;
		this.json = json;
		this.clock = clock;
	}

	@Scheduled(fixedDelay = 1000, initialDelay = 1000)
	void processDue() {
		if (!this.properties.enabled()) {
			return;
		}
		try {
			for (int i = 0; i < MAX_PER_ROUND; i++) {
				Optional<MetaWebhookInbox.Delivery> delivery = this.inbox.claimNext(this.clock.instant(), LEASE);
				if (delivery.isEmpty()) {
					return;
				}
				process(delivery.get());
			}
		}
		catch (RuntimeException ex) {
			logger.warn("Could not read Meta's webhook inbox; trying again in a second", ex);
		}
	}

	private void process(MetaWebhookInbox.Delivery delivery) {
		try {
			for (JsonNode entry : this.json.readTree(delivery.body()).path("entry")) {
				for (JsonNode change : entry.path("changes")) {
					JsonNode value = change.path("value");
					if ("account_update".equals(change.path("field").asString(""))
							&& "PARTNER_ADDED".equals(value.path("event").asString(""))) {
						partnerAdded(value.path("waba_info").path("waba_id").asString(""),
								value.path("waba_info").path("owner_business_id").asString(null));
					}
				}
			}
			this.inbox.processed(delivery.id(), this.clock.instant());
		}
		catch (RuntimeException ex) {
			Duration backoff = backoff(delivery.attempts() + 1);
			logger.warn("Meta webhook delivery {} could not be processed ({}); trying again in {}", delivery.id(),
					ex.getMessage(), backoff);
			this.inbox.retryAt(delivery.id(), this.clock.instant().plus(backoff), String.valueOf(ex.getMessage()));
		}
	}

	// the customer's WABA, read with the token of the first business that may read it
	private void partnerAdded(String wabaId, String customerBusinessId) {
		if (!wabaId.matches("\\d{1,64}")) {
			logger.warn("A PARTNER_ADDED change without a valid waba_id was left alone");
			return;
		}
		List<WabaPhoneNumber> phoneNumbers = null;
		GraphApiException refused = null;
		for (Business business : this.businesses.all()) {
			if (business.paused()) {
				continue;
			}
			String businessId = business.id();
			String token = business.accessToken();
			try {
				phoneNumbers = this.graphApi.wabaPhoneNumbers(businessId, wabaId, token).block(UPSTREAM_TIMEOUT);
				break;
			}
			catch (GraphApiException ex) {
				refused = ex;
			}
		}
		if (phoneNumbers == null) {
			throw new IllegalStateException("No configured business could read WABA " + wabaId
					+ ((refused != null) ? ": " + refused.getMessage() : ""));
		}
		Instant now = this.clock.instant();
		for (WabaPhoneNumber phone : phoneNumbers) {
			PhoneNumberNormalizer.toE164(phone.displayPhoneNumber())
				.flatMap(this.numbers::listedWithPhoneNumber)
				.ifPresent((number) -> {
					if (this.claims.claim(new NumberClaim(number.id(), phone.id(), wabaId, customerBusinessId, null,
							"WEBHOOK", now))) {
						logger.info("Number {} of business {} was claimed into WABA {} (PARTNER_ADDED)", number.id(),
								number.businessId(), wabaId);
					}
				});
		}
	}

	private static Duration backoff(int attempts) {
		Duration backoff = FIRST_RETRY.multipliedBy(1L << Math.min(attempts - 1, 20));
		return (backoff.compareTo(LONGEST_RETRY) < 0) ? backoff : LONGEST_RETRY;
	}

}
