package io.preverified.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Instants in and out of statements: the driver takes an {@link OffsetDateTime} for a
 * {@code timestamptz} parameter, not an {@link Instant}, and reads a column as a
 * {@link java.sql.Timestamp}.
 */
public final class SqlTime {

	private SqlTime() {
	}

	/**
	 * An instant as a {@code timestamptz} parameter.
	 * @param instant the instant, or {@code null}
	 * @return the instant at UTC, or {@code null}
	 */
	public static OffsetDateTime utc(Instant instant) {
		return (instant != null) ? instant.atOffset(ZoneOffset.UTC) : null;
	}

	/**
	 * A {@code timestamptz} column as an instant.
	 * @param row the row
	 * @param column the column
	 * @return its instant, or {@code null} when it is null
	 * @throws SQLException when the column cannot be read
	 */
	public static Instant instant(ResultSet row, String column) throws SQLException {
		Timestamp value = row.getTimestamp(column);
		return (value != null) ? value.toInstant() : null;
	}

}
