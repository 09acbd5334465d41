package io.preverified.numbers;

/**
 * Verification statuses upstream reports; filters accept only these.
 */
enum CodeVerificationStatus {

	VERIFIED, NOT_VERIFIED, EXPIRED

}
