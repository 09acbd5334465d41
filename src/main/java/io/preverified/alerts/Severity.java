package io.preverified.alerts;

/**
 * How close a number is to losing its verification, from the least to the most severe;
 * computed by {@link AlertEvaluator} from the thresholds of {@link AlertsProperties}.
 */
enum Severity {

	/** Within the re-verification window: it can be renewed now. */
	REVERIFY_WINDOW,

	/** Within the warning threshold. */
	WARNING,

	/** Within the critical threshold. */
	CRITICAL,

	/** Expired, or upstream reports it as EXPIRED. */
	EXPIRED

}
