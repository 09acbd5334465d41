package io.preverified.numbers;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
	 * The filter as SQL conditions on {@code numbers n}, with their parameters.
	 * @param now the time {@code expiring_within} counts from
	 * @return the conditions, joined by {@code and}, and their named parameters
	 */
	Where toWhere(Instant now) {
		List<String> conditions = new ArrayList<>();
		Map<String, Object> parameters = new HashMap<>();
		if (this.businessId != null) {
			conditions.add("n.business_id = :businessId");
			parameters.put("businessId", this.businessId);
		}
		if (this.status != null) {
			conditions.add("n.code_verification_status = :status");
			parameters.put("status", this.status.name());
		}
		if (this.phoneNumber != null) {
			Optional<String> e164 = PhoneNumberNormalizer.toE164(this.phoneNumber);
			// a number that cannot be normalised is stored without an E.164 form too
			conditions.add(e164.isPresent() ? "n.phone_number_e164 = :phone"
					: "n.phone_number_e164 is null and n.phone_number = :phone");
			parameters.put("phone", e164.orElse(this.phoneNumber));
		}
		if (this.expiringWithin != null) {
			conditions.add("n.verification_expiry_time > :now and n.verification_expiry_time <= :until");
			parameters.put("now", SqlTime.utc(now));
			parameters.put("until", SqlTime.utc(now.plus(this.expiringWithin)));
		}
		conditions.add(BusinessScope.sql("n.business_id"));
		parameters.put("scope", BusinessScope.current().sqlParameter());
		if (!this.includeRemoved) {
			conditions.add("n.removed_at is null");
		}
		if (this.afterId != null) {
			conditions.add("n.id > :afterId");
			parameters.put("afterId", this.afterId);
		}
		return new Where(conditions.isEmpty() ? "true" : String.join(" and ", conditions), parameters);
	}

	/**
	 * SQL conditions and their named parameters.
	 *
	 * @param sql the conditions
	 * @param parameters their values
	 */
	record Where(String sql, Map<String, Object> parameters) {

	}

}
