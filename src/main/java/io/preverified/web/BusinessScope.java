package io.preverified.web;

import java.util.Set;

import io.preverified.jdbc.SqlArray;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The businesses the caller's API key may see and act on: a key with {@code businesses}
 * sees those only, and anything of another business is answered as if it did not exist.
 * Every list of the API narrows itself to the scope; resources named by id are checked
 * before they are reached.
 *
 * @param ids the businesses, or {@code null} for every business
 */
public record BusinessScope(Set<String> ids) {

	private static final BusinessScope EVERY_BUSINESS = new BusinessScope(null);

	/**
	 * The scope of the current request's key.
	 * @return its scope; every business without a key or for a key without
	 * {@code businesses}
	 */
	public static BusinessScope current() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return (authentication != null && authentication.getDetails() instanceof BusinessScope scope) ? scope
				: EVERY_BUSINESS;
	}

	/**
	 * The scope of a key.
	 * @param ids its businesses; none for every business
	 * @return the scope
	 */
	public static BusinessScope of(Set<String> ids) {
		return (ids == null || ids.isEmpty()) ? EVERY_BUSINESS : new BusinessScope(Set.copyOf(ids));
	}

	public boolean isEveryBusiness() {
		return this.ids == null;
	}

	public boolean allows(String businessId) {
		return this.ids == null || this.ids.contains(businessId);
	}

	/**
	 * The SQL condition that keeps rows of the scope's businesses, with
	 * {@link #sqlParameter()} bound as {@code :scope}.
	 * @param column the column holding a row's business id
	 * @return the condition
	 */
	public static String sql(String column) {
		return "(cast(:scope as text[]) is null or " + column + " = any(:scope))";
	}

	/**
	 * The scope as an SQL parameter, for {@code (cast(:scope as text[]) is null or
	 * business_id = any(:scope))}.
	 * @return a {@code text[]}, or {@code null} for every business
	 */
	public Object sqlParameter() {
		return (this.ids == null) ? null : SqlArray.of("text", this.ids.toArray());
	}

}
