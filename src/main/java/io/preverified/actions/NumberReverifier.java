package io.preverified.actions;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.preverified.alerts.ReverifyWindow;
import io.preverified.businesses.BusinessDirectory;
import io.preverified.graphapi.FetchedNumber;
import io.preverified.graphapi.GraphApiError;
import io.preverified.graphapi.GraphApiException;
import io.preverified.graphapi.GraphApiNumberClient;
import io.preverified.graphapi.UpstreamRefusal;
import io.preverified.numbers.ListedNumber;
import io.preverified.numbers.NumberResponse;
import io.preverified.numbers.NumberStore;
import io.preverified.numbers.UnknownNumberException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * Asks for and verifies codes of numbers, behind the guard rails that come before any
 * call upstream: the number is listed, a VERIFIED number is inside the re-verification
 * window, and it has not had too many codes or verifications lately. Every call upstream
 * is recorded as a pending attempt before it is made, and counted against the limits at
 * once, so parallel requests stay within them; it ends with its outcome whatever upstream
 * answered. A code itself is never logged nor stored.
 */
@Service
public class NumberReverifier {

	private static final Logger logger = LoggerFactory.getLogger(NumberReverifier.class);

	static final Duration UPSTREAM_TIMEOUT = Duration.ofMinutes(3);

	private final NumberStore numbers;

	private final BusinessDirectory businesses;

	private final GraphApiNumberClient graphApi;

	private final VerificationAttemptStore attempts;

	private final VerificationProperties properties;

	private final Duration reverifyWindow;

	private final MeterRegistry meters;

	private final Clock clock;

	NumberReverifier(NumberStore numbers, BusinessDirectory businesses, GraphApiNumberClient graphApi,
			VerificationAttemptStore attempts, VerificationProperties properties, ReverifyWindow reverifyWindow,
			MeterRegistry meters, Clock clock) {
		this.numbers = numbers;
		this.businesses = businesses;
		this.graphApi = graphApi;
		this.attempts = attempts;
		this.properties = properties;
		this.reverifyWindow = reverifyWindow.duration();
		this.meters = meters;
		this.clock = clock;
	}

	/**
	 * Asks upstream to send a code to a number.
	 * @param numberId the number
	 * @param codeMethod {@code SMS} or {@code VOICE}
	 * @param language the language of the message
	 * @param requestedBy who asks: an API key's name, {@code renewal}, or {@code null}
	 * @return the attempt, ended
	 * @throws org.springframework.web.ErrorResponseException when the number may not have
	 * a code now, or upstream refused
	 */
	public VerificationAttemptResponse requestCode(String numberId, String codeMethod, String language,
			String requestedBy) {
		return requestCode(numberId, codeMethod, language, requestedBy,
				List.of(AttemptLimit.codeRequests(this.properties)));
	}

	/**
	 * Asks upstream to send a code to a number unless one was asked for lately.
	 * @param numberId the number
	 * @param codeMethod {@code SMS} or {@code VOICE}
	 * @param language the language of the message
	 * @param requestedBy who asks
	 * @param notAskedWithin no code may have been asked for within this time, by anyone
	 * @param key the setting that gives {@code notAskedWithin}
	 * @return the attempt, ended
	 * @throws org.springframework.web.ErrorResponseException when the number may not have
	 * a code now ({@code 429} when one was asked for within the time), or upstream
	 * refused
	 */
	public VerificationAttemptResponse requestCodeUnlessAsked(String numberId, String codeMethod, String language,
			String requestedBy, Duration notAskedWithin, String key) {
		return requestCode(numberId, codeMethod, language, requestedBy,
				List.of(AttemptLimit.codeRequests(this.properties),
						new AttemptLimit("REQUEST_CODE", 1, notAskedWithin, "code asked for", key)));
	}

	private VerificationAttemptResponse requestCode(String numberId, String codeMethod, String language,
			String requestedBy, List<AttemptLimit> limits) {
		NumberStore.NumberState number = listed(numberId);
		Instant now = this.clock.instant();
		if ("VERIFIED".equals(number.status()) && number.verificationExpiryTime() != null
				&& number.verificationExpiryTime().isAfter(now.plus(this.reverifyWindow))) {
			throw new NumberNotRenewableYetException(numberId, number.verificationExpiryTime(),
					number.verificationExpiryTime().minus(this.reverifyWindow));
		}
		String token = token(number.businessId());
		long attemptId = this.attempts.begin(new VerificationAttemptStore.Attempt(numberId, number.businessId(),
				codeMethod, language, requestedBy, now), limits);
		GraphApiError error = refusal(
				this.graphApi.requestCode(number.businessId(), numberId, token, codeMethod, language));
		VerificationAttemptResponse attempt = ended(attemptId, number.businessId(), error);
		if (error != null) {
			throw new UpstreamRefusedException("the code request", error);
		}
		logger.info("Code requested for number {} of business {} by {} ({})", numberId, number.businessId(),
				(requestedBy != null) ? requestedBy : "an open API", codeMethod);
		return attempt;
	}

	/**
	 * Sends a code upstream, and stores the number as upstream has it then.
	 * @param numberId the number
	 * @param code the code its phone received, digits only
	 * @param requestedBy who sends it: an API key's name, {@code inbound}, or
	 * {@code null}
	 * @return the number, verified
	 * @throws VerifiedNumberNotReadException when it was verified but could not be read
	 * back
	 * @throws org.springframework.web.ErrorResponseException when the number may not be
	 * verified now, or upstream refused the code
	 */
	public NumberResponse verifyCode(String numberId, String code, String requestedBy) {
		NumberStore.NumberState number = listed(numberId);
		String token = token(number.businessId());
		long attemptId = this.attempts.begin(new VerificationAttemptStore.Attempt(numberId, number.businessId(), null,
				null, requestedBy, this.clock.instant()), List.of(AttemptLimit.verifications(this.properties)));
		GraphApiError error = refusal(this.graphApi.verifyCode(number.businessId(), numberId, token, code));
		ended(attemptId, number.businessId(), error);
		if (error != null) {
			throw new UpstreamRefusedException("the code", error);
		}
		logger.info("Number {} of business {} verified by {}", numberId, number.businessId(),
				(requestedBy != null) ? requestedBy : "an open API");
		try {
			FetchedNumber read = this.graphApi.number(number.businessId(), numberId, token).block(UPSTREAM_TIMEOUT);
			return this.numbers.store(number.businessId(),
					new ListedNumber(read.id(), read.phoneNumber(), read.codeVerificationStatus(),
							read.codeVerificationTime(), read.verificationExpiryTime(), read.ownerBusinessId(),
							read.ownerBusinessName()),
					"VERIFY_CODE");
		}
		catch (GraphApiException ex) {
			// verified all the same: the next run stores what upstream has
			throw new VerifiedNumberNotReadException(ex.getError());
		}
	}

	List<VerificationAttemptResponse> attempts(String numberId, Long afterId, int limit) {
		this.numbers.state(numberId).orElseThrow(() -> new UnknownNumberException(numberId));
		return this.attempts.newestFirst(numberId, afterId, limit);
	}

	private NumberStore.NumberState listed(String numberId) {
		NumberStore.NumberState number = this.numbers.state(numberId)
			.orElseThrow(() -> new UnknownNumberException(numberId));
		if (!number.isListed()) {
			throw new NumberLeftThePoolException(numberId, number.removedAt());
		}
		return number;
	}

	String token(String businessId) {
		return this.businesses.active(businessId)
			.orElseThrow(() -> new BusinessNotActionableException(businessId))
			.accessToken();
	}

	// the call's refusal, or null when upstream accepted it
	static GraphApiError refusal(Mono<?> call) {
		return UpstreamRefusal.of(call, UPSTREAM_TIMEOUT);
	}

	private VerificationAttemptResponse ended(long attemptId, String businessId, GraphApiError error) {
		VerificationAttemptResponse ended = this.attempts.end(attemptId, error);
		Counter.builder("preverified.verification.attempts")
			.description("Codes asked for and sent upstream, by business, action and outcome")
			.tag("business_id", businessId)
			.tag("action", ended.action())
			.tag("outcome", ended.outcome())
			.register(this.meters)
			.increment();
		return ended;
	}

}
