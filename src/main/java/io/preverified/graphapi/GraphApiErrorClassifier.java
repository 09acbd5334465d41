package io.preverified.graphapi;

import java.util.Locale;
import java.util.Set;

/**
 * Which Graph API errors are worth another try. See Meta's error-code reference:
 * throttling (4, 17, 32, 613, 80000-80014) and temporary (1, 2) errors pass;
 * authentication (190, 102, 463, 467), permission (10, 200-299), invalid parameter (100)
 * and version (2635) errors do not.
 */
final class GraphApiErrorClassifier {

	private static final Set<Integer> RETRIED_CODES = Set.of(1, 2, 4, 17, 32, 613);

	private static final Set<Integer> THROTTLING_CODES = Set.of(4, 17, 32, 613);

	private static final Set<Integer> TEMPORARY_CODES = Set.of(1, 2);

	static final int DEPRECATED_VERSION = 2635;

	private GraphApiErrorClassifier() {
	}

	static boolean isRetryable(Throwable ex) {
		if (!(ex instanceof GraphApiException graphApiException) || ex instanceof GraphApiThrottledException) {
			return false;
		}
		GraphApiError error = graphApiException.getError();
		if (isReduceData(error)) {
			return false;
		}
		if (error.isTransient() || error.httpStatus() >= 500 || error.httpStatus() == 429) {
			return true;
		}
		return error.code() != null && (RETRIED_CODES.contains(error.code()) || isBusinessThrottling(error.code()));
	}

	/**
	 * Whether a write may be sent again: upstream surely did not act on it. It did not
	 * when the request never left, when it throttled the call, or when it answered with
	 * an error it calls temporary; after a 5xx of its own or no answer, it may have.
	 * @param ex how the write failed
	 * @return whether it may be sent again
	 */
	static boolean isSafeToRetryWrite(Throwable ex) {
		if (!(ex instanceof GraphApiException graphApiException) || ex instanceof GraphApiThrottledException) {
			return false;
		}
		GraphApiError error = graphApiException.getError();
		if (error.httpStatus() == 0) {
			return error.isTransient();
		}
		return isThrottling(error) || error.isTransient()
				|| (error.code() != null && TEMPORARY_CODES.contains(error.code()));
	}

	/**
	 * How a call ended, as the request metric tags it.
	 * @param ex how it failed
	 * @return {@code unreachable}, {@code throttled}, {@code transient_error} or
	 * {@code error}
	 */
	static String outcome(Throwable ex) {
		if (!(ex instanceof GraphApiException graphApiException)) {
			return "error";
		}
		GraphApiError error = graphApiException.getError();
		if (error.httpStatus() == 0) {
			return "unreachable";
		}
		if (isThrottling(error)) {
			return "throttled";
		}
		return isRetryable(ex) ? "transient_error" : "error";
	}

	/**
	 * Whether upstream throttled the call, or a block it reported kept the call from
	 * being made.
	 * @param ex how the call failed
	 * @return whether it is throttling
	 */
	static boolean isThrottling(Throwable ex) {
		return ex instanceof GraphApiThrottledException
				|| ex instanceof GraphApiException graphApiException && isThrottling(graphApiException.getError());
	}

	static boolean isThrottling(GraphApiError error) {
		return error.httpStatus() == 429 || (error.code() != null
				&& (THROTTLING_CODES.contains(error.code()) || isBusinessThrottling(error.code())));
	}

	/**
	 * Upstream's answer to a page too large to compute in time.
	 * @param ex how the call failed
	 * @return whether upstream asked for less data
	 */
	static boolean isReduceData(Throwable ex) {
		return ex instanceof GraphApiException graphApiException && isReduceData(graphApiException.getError());
	}

	private static boolean isReduceData(GraphApiError error) {
		return error.message() != null
				&& error.message().toLowerCase(Locale.ROOT).contains("reduce the amount of data");
	}

	private static boolean isBusinessThrottling(int code) {
		return code >= 80000 && code <= 80014;
	}

}
