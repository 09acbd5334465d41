package io.preverified.jdbc;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Instants as statement parameters: the driver takes an {@link OffsetDateTime} for a
 * {@code timestamptz}, not an {@link Instant}.
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

}
