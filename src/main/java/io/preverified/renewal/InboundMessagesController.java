package io.preverified.renewal;

import java.security.Principal;

import io.preverified.actions.VerificationAttemptResponse;
import io.preverified.numbers.PhoneNumberNormalizer;
import io.preverified.web.ApiProblems;
import io.preverified.web.ApiProblems.Problem;
import io.preverified.web.Cursor;
import io.preverified.web.EnumParameter;
import io.preverified.web.InvalidParameterException;
import io.preverified.web.Limit;
import io.preverified.web.ListResponse;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/inbound-messages}: messages passed on from any other SMS provider, or by
 * a person; the inbox, newest first; and a new code for the number of a message that
 * could not renew it (codes are never kept, so the same one cannot be sent again).
 */
@RestController
class InboundMessagesController {

	private static final int MAX_ADDRESS = 64;

	private final InboundCodeVerifier verifier;

	private final InboundMessageStore messages;

	private final Renewer renewer;

	InboundMessagesController(InboundCodeVerifier verifier, InboundMessageStore messages, Renewer renewer) {
		this.verifier = verifier;
		this.messages = messages;
		this.renewer = renewer;
	}

	@ApiProblems(@Problem(status = HttpStatus.BAD_REQUEST,
			when = "to is missing or no phone number, or body is missing or longer than 1600 characters"))
	@PostMapping("/api/v1/inbound-messages")
	@ResponseStatus(HttpStatus.CREATED)
	InboundMessage receive(@RequestBody(required = false) NewMessage message) {
		if (message == null || message.to() == null || message.to().length() > MAX_ADDRESS
				|| PhoneNumberNormalizer.toE164(message.to()).isEmpty()) {
			throw new InvalidParameterException("to", "must be the phone number the message was sent to");
		}
		if (message.body() == null || message.body().length() > InboundCodeVerifier.MAX_TEXT) {
			throw new InvalidParameterException("body",
					"must be the message's text, at most " + InboundCodeVerifier.MAX_TEXT + " characters");
		}
		if (message.from() != null && message.from().length() > MAX_ADDRESS) {
			throw new InvalidParameterException("from", "must be at most " + MAX_ADDRESS + " characters");
		}
		return this.verifier.receive(null, "API", message.to(), message.from(), message.body()).orElseThrow();
	}

	@GetMapping("/api/v1/inbound-messages")
	ListResponse<InboundMessage> list(@RequestParam(required = false) String outcome,
			@RequestParam(required = false) Integer limit, @RequestParam(required = false) String after) {
		int pageSize = Limit.of(limit);
		return ListResponse.of(
				this.messages.newestFirst(EnumParameter.parse("outcome", outcome, InboundOutcome.class),
						Cursor.decodeId(after), pageSize + 1),
				pageSize, (message) -> Long.toString(message.id()), (message) -> message);
	}

	@GetMapping("/api/v1/inbound-messages/{id}")
	InboundMessage one(@PathVariable long id) {
		return this.messages.find(id).orElseThrow(() -> new UnknownInboundMessageException(id));
	}

	@ApiProblems({
			@Problem(status = HttpStatus.CONFLICT,
					when = "The message was matched to no number, or its number may not have a code now"),
			@Problem(status = HttpStatus.TOO_MANY_REQUESTS,
					when = "preverified.verification.max-requests-per-number codes were asked for within request-window"),
			@Problem(status = HttpStatus.BAD_GATEWAY, when = "The Graph API refused the code request") })
	@PostMapping("/api/v1/inbound-messages/{id}/request-code")
	@ResponseStatus(HttpStatus.ACCEPTED)
	VerificationAttemptResponse requestCode(@PathVariable long id, Principal principal) {
		InboundMessage message = one(id);
		if (message.numberId() == null) {
			throw new MessageWithoutNumberException(id);
		}
		return this.renewer.askAgain(message.numberId(), (principal != null) ? principal.getName() : null);
	}

	/**
	 * A message passed on.
	 *
	 * @param to the phone number it was sent to
	 * @param body its text
	 * @param from its sender
	 */
	record NewMessage(String to, String body, String from) {

	}

}
