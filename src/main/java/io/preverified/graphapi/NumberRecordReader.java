package io.preverified.graphapi;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.Optional;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * Reads one upstream record leniently: times as epoch seconds (integer, decimal or
 * numeric string; milliseconds, microseconds and nanoseconds told apart by magnitude) or
 * ISO-8601 strings, unknown fields ignored. A time that cannot be read or falls outside
 * {@link #EARLIEST}..{@link #LATEST} is left out and the record marked malformed; a
 * record without {@code id} cannot be stored and is left out, and so is one whose id is
 * not 1 to 64 digits. Text is kept printable and bounded ({@link UpstreamText}). Nothing
 * in one record can fail its page.
 */
final class NumberRecordReader {

	private static final Logger logger = LoggerFactory.getLogger(NumberRecordReader.class);

	static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");

	static final Instant LATEST = Instant.parse("2100-01-01T00:00:00Z");

	// an epoch value at least this large is not in seconds (1e11 s is the year 5138), nor
	// in milliseconds past the second, nor in microseconds past the third; past the
	// fourth's range, nanoseconds, it is no time at all
	private static final BigDecimal[] UNIT_LIMITS = { new BigDecimal("1e11"), new BigDecimal("1e14"),
			new BigDecimal("1e17") };

	// Graph API writes offsets without a colon, such as 2023-04-14T22:12:31+0000
	private static final DateTimeFormatter ISO_WITH_ANY_OFFSET = new DateTimeFormatterBuilder()
		.append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
		.appendPattern("[XXX][XX][X]")
		.parseDefaulting(ChronoField.OFFSET_SECONDS, 0)
		.toFormatter();

	private static final Pattern ID = Pattern.compile("\\d{1,64}");

	private NumberRecordReader() {
	}

	static Optional<FetchedNumber> read(JsonNode node) {
		String id = rawText(node, "id");
		if (id == null || id.isBlank()) {
			return Optional.empty();
		}
		if (!isValidId(id)) {
			logger.warn("Skipped a record whose id is not 1 to 64 digits: '{}'", UpstreamText.forLog(id));
			return Optional.empty();
		}
		JsonNode owner = node.path("owner_business");
		Time verified = time(id, node, "code_verification_time");
		Time expires = time(id, node, "verification_expiry_time");
		return Optional.of(new FetchedNumber(id, text(node, "phone_number"), text(node, "code_verification_status"),
				verified.value(), expires.value(), text(owner, "id"), text(owner, "name"),
				verified.malformed() || expires.malformed()));
	}

	/**
	 * Whether a record has an id at all, valid or not.
	 * @param node the record
	 * @return whether it has one
	 */
	static boolean hasId(JsonNode node) {
		String id = rawText(node, "id");
		return id != null && !id.isBlank();
	}

	/**
	 * Whether a value can be an upstream id: 1 to 64 digits.
	 * @param id the value
	 * @return whether it can
	 */
	static boolean isValidId(String id) {
		return id.length() <= 64 && ID.matcher(id).matches();
	}

	private static String text(JsonNode node, String field) {
		return UpstreamText.bounded(rawText(node, field), UpstreamText.SHORT);
	}

	private static String rawText(JsonNode node, String field) {
		JsonNode value = node.get(field);
		if (value == null || value.isNull() || value.isContainer()) {
			return null;
		}
		return value.asString();
	}

	private static Time time(String id, JsonNode node, String field) {
		String value = rawText(node, field);
		if (value == null || value.isBlank()) {
			return new Time(null, false);
		}
		Instant time = (value.length() <= 64) ? parseTime(value.strip()) : null;
		if (time == null) {
			logger.warn("Number {} has an unreadable or out-of-range {} '{}'; stored without it", id, field,
					UpstreamText.forLog(value));
		}
		return new Time(time, time == null);
	}

	/**
	 * Parses a time as upstream may send it.
	 * @param value the value, stripped
	 * @return the time, or {@code null} when it cannot be read or is out of range
	 */
	static Instant parseTime(String value) {
		Instant time = isNumeric(value) ? epoch(new BigDecimal(value)) : iso(value);
		return (time != null && !time.isBefore(EARLIEST) && time.isBefore(LATEST)) ? time : null;
	}

	private static boolean isNumeric(String value) {
		return value.matches("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d{1,3})?");
	}

	private static Instant epoch(BigDecimal value) {
		int unit = 0;
		while (unit < UNIT_LIMITS.length && value.abs().compareTo(UNIT_LIMITS[unit]) >= 0) {
			unit++;
		}
		if (unit == UNIT_LIMITS.length && value.abs().compareTo(UNIT_LIMITS[unit - 1].movePointRight(3)) >= 0) {
			return null;
		}
		BigDecimal seconds = value.movePointLeft(3 * unit);
		BigDecimal whole = seconds.setScale(0, RoundingMode.FLOOR);
		int nanos = seconds.subtract(whole).movePointRight(9).setScale(0, RoundingMode.HALF_UP).intValue();
		return Instant.ofEpochSecond(whole.longValueExact()).plusNanos(nanos);
	}

	private static Instant iso(String value) {
		try {
			return OffsetDateTime.parse(value, ISO_WITH_ANY_OFFSET).toInstant();
		}
		catch (DateTimeException ex) {
			return null;
		}
	}

	private record Time(Instant value, boolean malformed) {

	}

}
