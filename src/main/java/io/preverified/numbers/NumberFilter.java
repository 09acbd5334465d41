package io.preverified.numbers;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.preverified.web.InvalidParameterException;
import jakarta.persistence.criteria.Predicate;

import org.springframework.data.jpa.domain.Specification;

/**
 * The filters of {@code GET /api/v1/numbers}, as a query on the numbers table.
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

	Specification<PreverifiedNumber> toSpecification(Instant now) {
		return (root, query, cb) -> {
			List<Predicate> predicates = new ArrayList<>();
			if (this.businessId != null) {
				predicates.add(cb.equal(root.get("businessId"), this.businessId));
			}
			if (this.status != null) {
				predicates.add(cb.equal(root.get("codeVerificationStatus"), this.status.name()));
			}
			if (this.phoneNumber != null) {
				predicates.add(PhoneNumbers.toE164(this.phoneNumber)
					.map((e164) -> cb.equal(root.get("phoneNumberE164"), e164))
					// a number that cannot be normalised is stored without an E.164 form
					// too
					.orElseGet(() -> cb.and(cb.isNull(root.get("phoneNumberE164")),
							cb.equal(root.get("phoneNumber"), this.phoneNumber))));
			}
			if (this.expiringWithin != null) {
				predicates.add(cb.greaterThan(root.get("verificationExpiryTime"), now));
				predicates.add(cb.lessThanOrEqualTo(root.get("verificationExpiryTime"), now.plus(this.expiringWithin)));
			}
			if (!this.includeRemoved) {
				predicates.add(cb.isNull(root.get("removedAt")));
			}
			if (this.afterId != null) {
				predicates.add(cb.greaterThan(root.get("id"), this.afterId));
			}
			return cb.and(predicates.toArray(Predicate[]::new));
		};
	}

}
