package io.preverified.graphapi;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Waits for a call upstream and says whether upstream refused it: its error, or
 * {@code null} when it accepted. Whatever else ends the call (no answer in time, an
 * answer that cannot be read) is a refusal too, one that says upstream may have acted.
 */
public final class UpstreamRefusal {

	private static final Logger logger = LoggerFactory.getLogger(UpstreamRefusal.class);

	private UpstreamRefusal() {
	}

	/**
	 * Makes a call and waits for it.
	 * @param call the call
	 * @param timeout how long to wait
	 * @return upstream's refusal, or {@code null} when it accepted
	 */
	public static GraphApiError of(Mono<?> call, Duration timeout) {
		try {
			call.block(timeout);
			return null;
		}
		catch (GraphApiException ex) {
			return ex.getError();
		}
		catch (RuntimeException ex) {
			logger.warn("A call to the Graph API ended without a readable answer", ex);
			return new GraphApiError(0, null, null, null, "No readable answer from the Graph API ("
					+ ex.getClass().getSimpleName() + "); upstream may have acted", null, false);
		}
	}

}
