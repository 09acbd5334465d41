package io.preverified.renewal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.preverified.actions.CodeRequests;
import io.preverified.actions.NumberReverifier;
import io.preverified.actions.VerifiedNumberNotReadException;
import io.preverified.numbers.PhoneNumberNormalizer;
import io.preverified.web.ApiProblem;
import io.preverified.web.BusinessScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Service;

/**
 * Takes a message that may carry a code to the number it was sent to: keeps it (its code
 * masked), finds the code, matches the message by its phone number to a listed number
 * awaiting a code, and verifies the number with it. Each message ends with one outcome;
 * the code is never kept nor logged.
 */
@Service
class InboundCodeVerifier {

	private static final Logger logger = LoggerFactory.getLogger(InboundCodeVerifier.class);

	/** Who verifies, in the record of attempts. */
	static final String REQUESTER = "inbound";

	/** The longest text kept: ten SMS segments. */
	static final int MAX_TEXT = 1600;

	private static final int MAX_ADDRESS = 64;

	private final InboundMessageStore messages;

	private final CodeRequests codeRequests;

	private final NumberReverifier reverifier;

	private final RenewalStore renewals;

	private final InboundProperties properties;

	private final RenewalMetrics metrics;

	private final Clock clock;

	InboundCodeVerifier(InboundMessageStore messages, CodeRequests codeRequests, NumberReverifier reverifier,
			RenewalStore renewals, InboundProperties properties, RenewalMetrics metrics, Clock clock) {
		this.messages = messages;
		this.codeRequests = codeRequests;
		this.reverifier = reverifier;
		this.renewals = renewals;
		this.properties = properties;
		this.metrics = metrics;
		this.clock = clock;
	}

	/**
	 * Keeps and processes a message.
	 * @param messageSid the provider's id of the message, or {@code null}
	 * @param source {@code TWILIO} or {@code API}
	 * @param to the phone number it was sent to
	 * @param from the sender, or {@code null}
	 * @param text the message's text
	 * @return the message as kept, or empty when it was kept already (the same
	 * {@code messageSid})
	 */
	Optional<InboundMessage> receive(String messageSid, String source, String to, String from, String text) {
		Optional<VerificationCode> code = VerificationCode.in(text);
		String body = cut(code.map((found) -> found.masked(text)).orElse(text), MAX_TEXT);
		Optional<String> toE164 = PhoneNumberNormalizer.toE164(to);
		Instant now = this.clock.instant();
		Optional<Long> kept = this.messages.keep(new InboundMessageStore.Received(messageSid, source,
				cut(to, MAX_ADDRESS), cut(from, MAX_ADDRESS), body, now), toE164.orElse(null));
		if (kept.isEmpty()) {
			logger.debug("Message {} came again; it was kept before", messageSid);
			return Optional.empty();
		}
		try {
			InboundMessage message = process(kept.get(), code, toE164, now);
			this.metrics.inboundMessage(message.outcome());
			logger.info("Message {} to {} ended {}{}", message.id(), message.to(), message.outcome(),
					(message.numberId() != null) ? " for number " + message.numberId() : "");
			return Optional.of(message);
		}
		catch (RuntimeException ex) {
			// another arrival of this message may try again
			this.messages.release(kept.get());
			throw ex;
		}
	}

	private InboundMessage process(long id, Optional<VerificationCode> code, Optional<String> toE164, Instant now) {
		if (code.isEmpty()) {
			return this.messages.finish(id, null, InboundOutcome.NO_CODE, null);
		}
		List<CodeRequests.Recipient> recipients = toE164
			.map((e164) -> this.codeRequests.recipients(e164, now.minus(this.properties.maxCodeAge())))
			.orElse(List.of())
			.stream()
			// a key limited to some businesses renews their numbers only
			.filter((recipient) -> BusinessScope.current().allows(recipient.businessId()))
			.toList();
		if (recipients.isEmpty()) {
			return this.messages.finish(id, null, InboundOutcome.UNKNOWN_NUMBER, null);
		}
		CodeRequests.Recipient recipient = recipients.get(0);
		if (!recipient.awaitingCode()) {
			return this.messages.finish(id, recipient.numberId(), InboundOutcome.NO_PENDING_REQUEST, null);
		}
		InboundMessage.Error refusal = verify(recipient, code.get());
		if (refusal != null) {
			this.renewals.failed(recipient.numberId(), this.clock.instant(),
					"The code that came back was refused: " + refusal.message());
			return this.messages.finish(id, recipient.numberId(), InboundOutcome.REFUSED, refusal);
		}
		this.renewals.renewed(recipient.numberId(), this.clock.instant());
		if (Renewer.REQUESTER.equals(recipient.requestedBy())) {
			this.metrics.renewal(recipient.businessId(), "RENEWED");
		}
		return this.messages.finish(id, recipient.numberId(), InboundOutcome.VERIFIED, null);
	}

	// upstream's refusal, or null when the code verified the number
	private InboundMessage.Error verify(CodeRequests.Recipient recipient, VerificationCode code) {
		try {
			this.reverifier.verifyCode(recipient.numberId(), code.digits(), REQUESTER);
			return null;
		}
		catch (VerifiedNumberNotReadException ex) {
			logger.warn("Number {} was verified by a code that came in, but could not be read back; the next run "
					+ "stores it", recipient.numberId());
			return null;
		}
		catch (RuntimeException ex) {
			ProblemDetail refusal = ApiProblem.of(ex).orElseThrow(() -> ex);
			return new InboundMessage.Error(
					(refusal.getProperties() != null && refusal.getProperties().get("code") instanceof Integer upstream)
							? upstream : null,
					refusal.getDetail());
		}
	}

	private static String cut(String text, int max) {
		return (text == null || text.length() <= max) ? text : text.substring(0, max);
	}

}
