package io.preverified.actions;

import java.time.Duration;

/**
 * How many attempts of one action a number may have within a window; attempts are counted
 * from the moment they are recorded, before upstream is called.
 *
 * @param action {@code REQUEST_CODE} or {@code VERIFY_CODE}
 * @param max the most attempts within the window
 * @param window the window
 * @param what the attempts, as a problem names them
 * @param key the setting that gives the limit
 */
record AttemptLimit(String action, int max, Duration window, String what, String key) {

	/** Verifications a number may have within the request window. */
	static final int MAX_VERIFICATIONS = 5;

	static AttemptLimit codeRequests(VerificationProperties properties) {
		return new AttemptLimit("REQUEST_CODE", properties.maxRequestsPerNumber(), properties.requestWindow(),
				"codes asked for", "preverified.verification.max-requests-per-number");
	}

	static AttemptLimit verifications(VerificationProperties properties) {
		return new AttemptLimit("VERIFY_CODE", MAX_VERIFICATIONS, properties.requestWindow(), "codes verified",
				"5 per number within preverified.verification.request-window");
	}

}
