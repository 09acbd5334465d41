package io.preverified.numbers;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

import io.preverified.jdbc.SqlTime;

/**
 * Who took a number, as the API shows it.
 *
 * @param numberId the number
 * @param businessId the business whose pool it left
 * @param phoneNumber its phone number (E.164 where it could be read)
 * @param phoneNumberId its id in the customer's WABA
 * @param wabaId the customer's WABA
 * @param customerBusinessId the customer's business
 * @param reservationId the reservation that handed it out
 * @param source {@code SIGNUP} (Embedded Signup), {@code WEBHOOK} (Meta's
 * {@code account_update}) or {@code SYNC} (a complete run no longer listed it while held)
 * @param claimedAt when it was claimed
 */
public record ClaimResponse(String numberId, String businessId, String phoneNumber, String phoneNumberId, String wabaId,
		String customerBusinessId, Long reservationId, String source, Instant claimedAt) {

	/** The claim columns, as {@link #of} reads them with a prefix. */
	static final String COLUMNS = "number_id, business_id, phone_number, phone_number_id, waba_id, "
			+ "customer_business_id, reservation_id, source, claimed_at";

	static ClaimResponse of(ResultSet row, String prefix) throws SQLException {
		if (row.getString(prefix + "number_id") == null) {
			return null;
		}
		long id = row.getLong(prefix + "reservation_id");
		Long reservationId = row.wasNull() ? null : id;
		return new ClaimResponse(row.getString(prefix + "number_id"), row.getString(prefix + "business_id"),
				row.getString(prefix + "phone_number"), row.getString(prefix + "phone_number_id"),
				row.getString(prefix + "waba_id"), row.getString(prefix + "customer_business_id"), reservationId,
				row.getString(prefix + "source"), SqlTime.instant(row, prefix + "claimed_at"));
	}

}
