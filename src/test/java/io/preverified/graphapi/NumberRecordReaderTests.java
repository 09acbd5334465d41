package io.preverified.graphapi;

import java.time.Instant;

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
