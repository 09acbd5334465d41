package io.preverified.renewal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * {@code preverified_renewals_total{business_id,outcome}} (REQUESTED, REFUSED, RENEWED)
 * and {@code preverified_inbound_messages_total{outcome}}.
 */
@Component
class RenewalMetrics {

	private final MeterRegistry meters;

	RenewalMetrics(MeterRegistry meters) {
		this.meters = meters;
	}

	void renewal(String businessId, String outcome) {
		Counter.builder("preverified.renewals")
			.description("Codes the renewal asked for, and numbers its codes renewed, by business and outcome")
			.tag("business_id", businessId)
			.tag("outcome", outcome)
			.register(this.meters)
			.increment();
	}

	void inboundMessage(String outcome) {
		Counter.builder("preverified.inbound.messages")
			.description("Messages that may carry a code, by outcome")
			.tag("outcome", outcome)
			.register(this.meters)
			.increment();
	}

}
