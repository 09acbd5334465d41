package io.preverified.web;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;

/**
 * Opaque paging cursors: the sort key of the last item of a page, encoded so that clients
 * do not build them.
 */
public final class Cursor {

	private static final String PREFIX = "k:";

	private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");

	private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

	private Cursor() {
	}

	/**
	 * The cursor of a sort key, as a page hands it out in {@code paging.cursors.after}.
	 * @param key the sort key of the page's last item
	 * @return the cursor
	 */
	public static String encode(String key) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString((PREFIX + key).getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * Decodes the {@code after} parameter.
	 * @param cursor the cursor a previous page handed out, or {@code null}
	 * @return the sort key to resume after, or {@code null} when no cursor was given
	 * @throws InvalidParameterException when the cursor was not handed out by this API
	 */
	public static String decode(String cursor) {
		if (cursor == null) {
			return null;
		}
		try {
			String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
			if (decoded.startsWith(PREFIX) && decoded.length() > PREFIX.length()) {
				return decoded.substring(PREFIX.length());
			}
		}
		catch (IllegalArgumentException ex) {
			// not base64: reported below
		}
		throw new InvalidParameterException("after", "is not a cursor handed out by this API");
	}

	/**
	 * The sort key of a list ordered by a time, then by id.
	 * @param time the time of the last item, or {@code null} when it has none
	 * @param id its id
	 * @return the key to hand to {@link ListResponse}
	 */
	public static String timeAndId(Instant time, long id) {
		return time + "|" + id;
	}

	/**
	 * Decodes the {@code after} parameter of a list ordered by a time, then by id.
	 * @param cursor the cursor a previous page handed out, or {@code null}
	 * @return where to resume, or {@code null} when no cursor was given
	 * @throws InvalidParameterException when the cursor was not handed out by this API
	 */
	public static TimeAndId decodeTimeAndId(String cursor) {
		String key = decode(cursor);
		if (key == null) {
			return null;
		}
		int separator = key.indexOf('|');
		try {
			String time = key.substring(0, separator);
			TimeAndId resume = new TimeAndId("null".equals(time) ? null : Instant.parse(time),
					Long.parseLong(key.substring(separator + 1)));
			// a forged time past what the database stores would fail the query
			if (resume.time() != null && (resume.time().isBefore(EARLIEST) || resume.time().isAfter(LATEST))) {
				throw new InvalidParameterException("after", "is not a cursor handed out by this API");
			}
			return resume;
		}
		catch (DateTimeParseException | NumberFormatException | IndexOutOfBoundsException ex) {
			throw new InvalidParameterException("after", "is not a cursor handed out by this API");
		}
	}

	/**
	 * Decodes the {@code after} parameter of a list sorted by a numeric id.
	 * @param cursor the cursor a previous page handed out, or {@code null}
	 * @return the id to resume after, or {@code null} when no cursor was given
	 * @throws InvalidParameterException when the cursor was not handed out by this API
	 */
	public static Long decodeId(String cursor) {
		String key = decode(cursor);
		if (key == null) {
			return null;
		}
		try {
			return Long.parseLong(key);
		}
		catch (NumberFormatException ex) {
			throw new InvalidParameterException("after", "is not a cursor handed out by this API");
		}
	}

	/**
	 * Where a list ordered by a time, then by id, resumes.
	 *
	 * @param time the time of the last item of the previous page, or {@code null}
	 * @param id its id
	 */
	public record TimeAndId(Instant time, long id) {

	}

}
