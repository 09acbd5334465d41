package io.preverified;

import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Rows of the {@code numbers} table written directly, for the slices that test SQL on the
 * real schema without a run.
 */
public final class SeededNumbers {

	private final JdbcTemplate jdbc;

	public SeededNumbers(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Adds a listed number.
	 * @param id its id
	 * @param businessId the business whose pool lists it
	 * @param status its {@code code_verification_status}
	 * @param expiry its {@code verification_expiry_time}, or {@code null}
	 * @param firstSeen when a run first listed it
	 */
	public void add(String id, String businessId, String status, Instant expiry, Instant firstSeen) {
		this.jdbc.update("""
				insert into numbers (id, business_id, phone_number, code_verification_status, verification_expiry_time,
				    first_seen_at)
				values (?, ?, ?, ?, ?, ?)""", id, businessId, "+1555" + Math.abs(id.hashCode() % 10_000_000), status,
				timestamp(expiry), timestamp(firstSeen));
	}

	/**
	 * Marks a number as no longer listed.
	 * @param id the number
	 * @param at when it left the pool
	 */
	public void remove(String id, Instant at) {
		this.jdbc.update("update numbers set removed_at = ? where id = ?", timestamp(at), id);
	}

	private static Timestamp timestamp(Instant instant) {
		return (instant != null) ? Timestamp.from(instant) : null;
	}

}
