package io.preverified.graphapi;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * Reads one upstream record leniently: times as epoch seconds or ISO-8601 strings,
 * unknown fields ignored. A record without {@code id} cannot be stored and is left out.
 */
final class NumberRecordReader {

	private static final Logger logger = LoggerFactory.getLogger(NumberRecordReader.class);

	// Graph API writes offsets without a colon, such as 2023-04-14T22:12:31+0000
	private static final DateTimeFormatter ISO_WITH_ANY_OFFSET = new DateTimeFormatterBuilder()
		.append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
		.appendPattern("[XXX][XX][X]")
		.parseDefaulting(ChronoField.OFFSET_SECONDS, 0)
		.toFormatter();

	private NumberRecordReader() {
	}

	static Optional<FetchedNumber> read(JsonNode node) {
		String id = text(node, "id");
		if (id == null || id.isBlank()) {
			return Optional.empty();
		}
		JsonNode owner = node.path("owner_business");
		return Optional.of(new FetchedNumber(id, text(node, "phone_number"), text(node, "code_verification_status"),
				time(id, node, "code_verification_time"), time(id, node, "verification_expiry_time"), text(owner, "id"),
				text(owner, "name")));
	}

	private static String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		if (value == null || value.isNull() || value.isContainer()) {
			return null;
		}
		return value.asString();
	}

	private static Instant time(String id, JsonNode node, String field) {
		String value = text(node, field);
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return parseTime(value.strip());
		}
		catch (DateTimeParseException | NumberFormatException ex) {
			logger.warn("Number {} has an unreadable {} '{}'; stored without it", id, field, value);
			return null;
		}
	}

	static Instant parseTime(String value) {
		if (value.chars().allMatch(Character::isDigit)) {
			return Instant.ofEpochSecond(Long.parseLong(value));
		}
		return OffsetDateTime.parse(value, ISO_WITH_ANY_OFFSET).toInstant();
	}

}
