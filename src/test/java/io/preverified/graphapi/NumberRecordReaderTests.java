package io.preverified.graphapi;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link NumberRecordReader}: how leniently upstream records are read.
 */
class NumberRecordReaderTests {

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void readTakesEpochSecondsAndIsoTimesWithAnyOffsetForm() {
		assertThat(NumberRecordReader.parseTime("1705398600")).isEqualTo(Instant.parse("2024-01-16T09:50:00Z"));
		assertThat(NumberRecordReader.parseTime("2023-04-14T22:12:31+0000"))
			.isEqualTo(Instant.parse("2023-04-14T22:12:31Z"));
		assertThat(NumberRecordReader.parseTime("2023-04-14T22:12:31+02:00"))
			.isEqualTo(Instant.parse("2023-04-14T20:12:31Z"));
		assertThat(NumberRecordReader.parseTime("2023-04-14T22:12:31Z"))
			.isEqualTo(Instant.parse("2023-04-14T22:12:31Z"));
		assertThat(NumberRecordReader.parseTime("2023-04-14T22:12:31"))
			.isEqualTo(Instant.parse("2023-04-14T22:12:31Z"));
	}

	@Test
	void readTakesEpochTimesInEveryUnitAndForm() {
		Instant expected = Instant.parse("2024-01-16T09:50:00Z");
		for (String value : List.of("1705398600", "1705398600.0", "1705398600000", "1705398600000000",
				"1705398600000000000", "1.7053986E9", "2024-01-16T09:50:00Z", "2024-01-16T09:50:00+00:00",
				"2024-01-16T09:50:00+0000")) {
			assertThat(NumberRecordReader.parseTime(value)).as(value).isEqualTo(expected);
		}
		assertThat(NumberRecordReader.parseTime("1705398600.25")).isEqualTo(expected.plusMillis(250));
	}

	@Test
	void readGivesNoTimeForValuesOutOfRangeOrUnreadable() {
		for (String value : List.of("0", "-1705398600", "946684799", "4102444800", "99999999999", "1e300", "1e-300",
				"NaN", "soon", "2024-13-01T00:00:00Z", "1899-01-01T00:00:00Z", "2100-01-01T00:00:00Z", "",
				"9".repeat(400))) {
			assertThat(NumberRecordReader.parseTime(value)).as(value).isNull();
		}
	}

	@Test
	void readKeepsARecordWithAnUnreadableTimeAndMarksItMalformed() {
		for (String time : List.of("1705398600123", "\"1705398600\"", "1705398600.5")) {
			FetchedNumber readable = NumberRecordReader
				.read(node("{\"id\": \"1\", \"verification_expiry_time\": " + time + "}"))
				.orElseThrow();
			assertThat(readable.verificationExpiryTime()).as(time).isNotNull();
			assertThat(readable.malformed()).as(time).isFalse();
		}
		for (String time : List.of("-5", "\"yesterday\"", "1e30", "true")) {
			FetchedNumber malformed = NumberRecordReader
				.read(node("{\"id\": \"1\", \"code_verification_status\": \"VERIFIED\", "
						+ "\"code_verification_time\": " + time + "}"))
				.orElseThrow();
			assertThat(malformed.codeVerificationTime()).as(time).isNull();
			assertThat(malformed.codeVerificationStatus()).isEqualTo("VERIFIED");
			assertThat(malformed.malformed()).as(time).isTrue();
		}
	}

	@Test
	void readTakesEveryFieldAndIgnoresUnknownOnes() {
		FetchedNumber number = NumberRecordReader.read(node("""
				{"id": 1234567890123456, "phone_number": "+15551234567", "code_verification_status": "VERIFIED",
				 "code_verification_time": 1705312200, "verification_expiry_time": "2024-01-16T09:50:00+0000",
				 "owner_business": {"id": "506914307656634", "name": "Acme"}, "new_field": [1, 2]}""")).orElseThrow();

		assertThat(number).isEqualTo(new FetchedNumber("1234567890123456", "+15551234567", "VERIFIED",
				Instant.ofEpochSecond(1705312200), Instant.parse("2024-01-16T09:50:00Z"), "506914307656634", "Acme"));
	}

	@Test
	void readWithoutIdGivesNothing() {
		assertThat(NumberRecordReader.read(node("{\"phone_number\": \"+15551234567\"}"))).isEmpty();
		assertThat(NumberRecordReader.read(node("{\"id\": \"\", \"phone_number\": \"+15551234567\"}"))).isEmpty();
		assertThat(NumberRecordReader.read(node("{\"id\": null}"))).isEmpty();
	}

	@Test
	void readKeepsANumberWhoseTimeCannotBeReadWithoutThatTime() {
		FetchedNumber number = NumberRecordReader.read(node(
				"{\"id\": \"1\", \"code_verification_status\": \"VERIFIED\", \"verification_expiry_time\": \"soon\"}"))
			.orElseThrow();

		assertThat(number.id()).isEqualTo("1");
		assertThat(number.codeVerificationStatus()).isEqualTo("VERIFIED");
		assertThat(number.verificationExpiryTime()).isNull();
	}

	private JsonNode node(String json) {
		return this.json.readTree(json);
	}

}
