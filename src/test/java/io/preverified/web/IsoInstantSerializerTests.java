package io.preverified.web;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link IsoInstantSerializer} writes what Jackson's own serializer wrote before it.
 */
class IsoInstantSerializerTests {

	private final JsonMapper jackson = JsonMapper.builder().build();

	private final JsonMapper service = JsonMapper.builder()
		.addModule(new SimpleModule().addSerializer(Instant.class, new IsoInstantSerializer()))
		.build();

	@Test
	void writesEveryInstantAsJacksonDoes() {
		SplittableRandom random = new SplittableRandom(26);
		for (int i = 0; i < 200_000; i++) {
			long seconds = random.nextLong(-62135596800L - 100, 253402300799L + 100);
			int nanos = switch (i % 4) {
				case 0 -> 0;
				case 1 -> random.nextInt(1000) * 1_000_000;
				case 2 -> random.nextInt(1_000_000) * 1000;
				default -> random.nextInt(1_000_000_000);
			};
			Instant instant = Instant.ofEpochSecond(seconds, nanos);
			assertThat(IsoInstantSerializer.format(instant)).isEqualTo(DateTimeFormatter.ISO_INSTANT.format(instant));
			if (i % 1000 == 0) {
				Map<String, Instant> value = Map.of("at", instant);
				assertThat(this.service.writeValueAsString(value)).isEqualTo(this.jackson.writeValueAsString(value));
			}
		}
	}

	@Test
	void writesTheEdgesAsJacksonDoes() {
		for (Instant instant : new Instant[] { Instant.EPOCH, Instant.ofEpochSecond(-1), Instant.ofEpochSecond(0, 1),
				Instant.ofEpochSecond(-1, 999_999_999), Instant.parse("2026-12-07T01:49:21.353667Z"),
				Instant.parse("2026-12-07T01:49:21.350Z"), Instant.parse("0001-01-01T00:00:00Z"),
				Instant.parse("9999-12-31T23:59:59.999999999Z"), Instant.MIN, Instant.MAX }) {
			Map<String, Instant> value = Map.of("at", instant);
			assertThat(this.service.writeValueAsString(value)).as(instant.toString())
				.isEqualTo(this.jackson.writeValueAsString(value));
		}
	}

}
