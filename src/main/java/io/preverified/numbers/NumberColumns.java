package io.preverified.numbers;

/**
 * The column lists that several statements write, in one place: each statement names them
 * as {@code %1$s} (a number as upstream lists it) and {@code %2$s} (a history entry) and
 * supplies every column in this order.
 */
final class NumberColumns {

	/**
	 * A number as upstream lists it, and when it was first seen.
	 */
	static final String NUMBER = "id, business_id, phone_number, phone_number_e164, code_verification_status, "
			+ "code_verification_time, verification_expiry_time, owner_business_id, owner_business_name, first_seen_at";

	/**
	 * A history entry: what made it ({@code cause}: {@code SYNC} with its {@code run_id},
	 * or an action), and what changed.
	 */
	static final String HISTORY = "id, number_id, run_id, cause, changed_at, old_code_verification_status, "
			+ "new_code_verification_status, old_verification_expiry_time, new_verification_expiry_time, "
			+ "old_removed_at, new_removed_at, removal_reason";

	private NumberColumns() {
	}

	/**
	 * A statement with the column lists in place.
	 * @param statement the statement, naming them as {@code %1$s} and {@code %2$s}
	 * @return the statement to run
	 */
	static String in(String statement) {
		return statement.formatted(NUMBER, HISTORY);
	}

}
