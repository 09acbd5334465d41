package io.preverified.numbers;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import io.preverified.jdbc.ListQuery;
import io.preverified.jdbc.SqlTime;
import io.preverified.web.BusinessScope;
import io.preverified.web.InvalidParameterException;

/**
 * The filters of {@code GET /api/v1/numbers}, as conditions on the numbers table.
 *
 * @param businessId only numbers of this business
 * @param status only numbers with this status
 * @param phoneNumber only this phone number, in any format
 * @param expiringWithin only numbers whose expiry is after now and at most this far ahead
 * @param includeRemoved whether numbers no longer listed upstream are included
 * @param afterId only numbers whose id sorts after this one
 */
record NumberFilter(String businessId, CodeVerificationStatus status, String phoneNumber, Duration expiringWithin,
		boolean includeRemoved, String afterId) {

	/**
	 * Longest {@code expiring_within}: a century reaches past any verification.
	 */
	static final Duration MAX_EXPIRING_WITHIN = Duration.ofDays(36_500);

	NumberFilter {
		if (expiringWithin != null && (expiringWithin.isNegative() || expiringWithin.isZero())) {
			throw new InvalidParameterException("expiring_within", "must be a positive duration such as P14D");
		}
		if (expiringWithin != null && expiringWithin.compareTo(MAX_EXPIRING_WITHIN) > 0) {
			throw new InvalidParameterException("expiring_within", "must be at most P36500D, was " + expiringWithin);
		}
	}

	/**
	 * The filter as conditions of a list of {@code numbers n}.
	 * @param query the list
	 * @param now the time {@code expiring_within} counts from
	 * @return the list, filtered
	 */
	ListQuery applyTo(ListQuery query, Instant now) {
		query.where("n.business_id = :businessId", "businessId", this.businessId)
			.where("n.code_verification_status = :status", "status", (this.status != null) ? this.status.name() : null);
		if (this.phoneNumber != null) {
			Optional<String> e164 = PhoneNumberNormalizer.toE164(this.phoneNumber);
			// a number that cannot be normalised is stored without an E.164 form too
			query.where(
					e164.isPresent() ? "n.phone_number_e164 = :phone"
							: "n.phone_number_e164 is null and n.phone_number = :phone",
					"phone", e164.orElse(this.phoneNumber));
		}
		if (this.expiringWithin != null) {
			query.where("n.verification_expiry_time > :now and n.verification_expiry_time <= :until")
				.param("now", SqlTime.utc(now))
				.param("until", SqlTime.utc(now.plus(this.expiringWithin)));
		}
		query.where(BusinessScope.sql("n.business_id"), "scope", BusinessScope.current().sqlParameter());
		if (!this.includeRemoved) {
			query.where("n.removed_at is null");
		}
		return query.after("n.id > :afterId", (this.afterId != null) ? Map.of("afterId", this.afterId) : null);
	}

}
