package io.preverified.numbers;

import java.time.Instant;
import java.time.format.DateTimeParseException;

import io.preverified.web.Cursor;
import io.preverified.web.InvalidParameterException;

/**
 * Where a page of a number's history ends: history is ordered by the time of each change,
 * then by id.
 *
 * @param changedAt time of the last change on the page
 * @param id its id
 */
record HistoryCursor(Instant changedAt, long id) {

	static String key(NumberChange change) {
		return change.getChangedAt() + "|" + change.getId();
	}

	static HistoryCursor decode(String cursor) {
		String key = Cursor.decode(cursor);
		if (key == null) {
			return null;
		}
		int separator = key.indexOf('|');
		try {
			return new HistoryCursor(Instant.parse(key.substring(0, separator)),
					Long.parseLong(key.substring(separator + 1)));
		}
		catch (DateTimeParseException | NumberFormatException | IndexOutOfBoundsException ex) {
			throw new InvalidParameterException("after", "is not a cursor handed out by this API");
		}
	}

}
