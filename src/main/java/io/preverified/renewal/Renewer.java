package io.preverified.renewal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

import io.preverified.actions.CodeRequests;
import io.preverified.actions.NumberReverifier;
import io.preverified.actions.VerificationAttemptResponse;
import io.preverified.businesses.Business;
import io.preverified.businesses.BusinessDirectory;
import io.preverified.web.ApiProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Service;

/**
 * One round of renewal: for each business, asks for codes for the numbers due, soonest
 * expiry first, within the business's hourly budget. Each request goes through the same
 * guard rails as an operator's, and one more: no code asked for the number (by anyone)
 * within {@code retry-after}, checked under the number's lock, so two replicas never ask
 * twice.
 */
@Service
class Renewer {

	private static final Logger logger = LoggerFactory.getLogger(Renewer.class);

	/** Who asks, in the record of attempts. */
	static final String REQUESTER = "renewal";

	private static final Duration HOUR = Duration.ofHours(1);

	private final BusinessDirectory businesses;

	private final RenewalStore renewals;

	private final CodeRequests codeRequests;

	private final NumberReverifier reverifier;

	private final RenewalProperties properties;

	private final RenewalMetrics metrics;

	private final Clock clock;

	Renewer(BusinessDirectory businesses, RenewalStore renewals, CodeRequests codeRequests, NumberReverifier reverifier,
			RenewalProperties properties, RenewalMetrics metrics, Clock clock) {
		this.businesses = businesses;
		this.renewals = renewals;
		this.codeRequests = codeRequests;
		this.reverifier = reverifier;
		this.properties = properties;
		this.metrics = metrics;
		this.clock = clock;
	}

	void renewAll() {
		for (String businessId : this.businesses.all()
			.stream()
			.filter((business) -> !business.paused())
			.map(Business::id)
			.toList()) {
			try {
				renew(businessId);
			}
			catch (RuntimeException ex) {
				// one business failing never stops the others' renewals
				logger.error("Could not renew the numbers of business {}", businessId, ex);
			}
		}
	}

	/**
	 * Asks for codes for a business's numbers that are due.
	 * @param businessId the business
	 * @return how many codes upstream sent
	 */
	int renew(String businessId) {
		Instant now = this.clock.instant();
		int budget = this.properties.maxPerHour()
				- this.codeRequests.askedSince(businessId, REQUESTER, now.minus(HOUR));
		if (budget <= 0) {
			return 0;
		}
		List<String> due = this.renewals.due(businessId, now, this.properties.startBefore(),
				this.properties.retryAfter(), budget);
		int sent = 0;
		for (String numberId : due) {
			if (ask(businessId, numberId)) {
				sent++;
			}
		}
		if (!due.isEmpty()) {
			logger.info("Renewal asked for {} codes for business {}; upstream sent {}", due.size(), businessId, sent);
		}
		return sent;
	}

	private boolean ask(String businessId, String numberId) {
		try {
			recorded(numberId,
					() -> this.reverifier.requestCodeUnlessAsked(numberId, this.properties.codeMethod(),
							this.properties.language(), REQUESTER, this.properties.retryAfter(),
							"preverified.renewal.retry-after"));
			this.metrics.renewal(businessId, "REQUESTED");
			return true;
		}
		catch (RuntimeException ex) {
			ProblemDetail refusal = ApiProblem.of(ex).orElseThrow(() -> ex);
			logger.warn("Renewal of number {} of business {} failed: {}", numberId, businessId, refusal.getDetail());
			this.metrics.renewal(businessId, "REFUSED");
			return false;
		}
	}

	/**
	 * Asks for a new code for a number, now, for someone who saw its renewal fail.
	 * @param numberId the number
	 * @param requestedBy who asks
	 * @return the attempt
	 * @throws org.springframework.web.ErrorResponseException when the number may not have
	 * a code now, or upstream refused
	 */
	VerificationAttemptResponse askAgain(String numberId, String requestedBy) {
		return recorded(numberId, () -> this.reverifier.requestCode(numberId, this.properties.codeMethod(),
				this.properties.language(), requestedBy));
	}

	// a code request, with the renewal's state before and after it
	private VerificationAttemptResponse recorded(String numberId, Supplier<VerificationAttemptResponse> request) {
		this.renewals.requested(numberId, this.clock.instant());
		try {
			VerificationAttemptResponse attempt = request.get();
			this.renewals.waitingForCode(numberId, this.clock.instant());
			return attempt;
		}
		catch (RuntimeException ex) {
			ApiProblem.of(ex)
				.ifPresent((refusal) -> this.renewals.failed(numberId, this.clock.instant(), refusal.getDetail()));
			throw ex;
		}
	}

}
