package io.preverified.graphapi;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Deterministic, realistic inventories for the fake Graph API: mostly verified numbers
 * whose expiries spread from already passed to 90 days out (some within days), some not
 * verified, some expired; most phone numbers in E.164, some formatted; most times as
 * epoch seconds, some as ISO-8601 strings with upstream's {@code +0000} offsets.
 */
public final class DemoInventory {

	private static final Duration VERIFICATION_LIFETIME = Duration.ofDays(90);

	private static final DateTimeFormatter GRAPH_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxx")
		.withZone(ZoneOffset.UTC);

	private DemoInventory() {
	}

	/**
	 * Generates an inventory.
	 * @param businessId the owning business
	 * @param businessName its name
	 * @param size how many numbers
	 * @param now the present
	 * @return the numbers as upstream would send them, in id order
	 */
	public static List<Map<String, Object>> generate(String businessId, String businessName, int size, Instant now) {
		Random random = new Random(Long.parseLong(businessId) * 31 + size);
		List<Map<String, Object>> numbers = new ArrayList<>(size);
		long idBase = 1_000_000_000_000_000L + Long.parseLong(businessId) % 1_000_000 * 1_000_000_000L;
		for (int i = 0; i < size; i++) {
			Map<String, Object> number = new LinkedHashMap<>();
			number.put("id", Long.toString(idBase + i * 7L));
			number.put("phone_number", phoneNumber(random, i));
			int kind = random.nextInt(100);
			boolean isoTimes = random.nextInt(5) == 0;
			if (kind < 12) {
				number.put("code_verification_status", "NOT_VERIFIED");
			}
			else {
				// verified between 100 days ago and today: expiries from 10 days past to
				// 90 days out
				Instant verified = now.minus(Duration.ofMinutes(random.nextInt(100 * 24 * 60)));
				Instant expiry = verified.plus(VERIFICATION_LIFETIME);
				number.put("code_verification_status", expiry.isAfter(now) ? "VERIFIED" : "EXPIRED");
				number.put("code_verification_time", time(verified, isoTimes));
				number.put("verification_expiry_time", time(expiry, isoTimes));
			}
			number.put("owner_business", Map.of("id", businessId, "name", businessName));
			numbers.add(number);
		}
		return numbers;
	}

	private static Object time(Instant instant, boolean iso) {
		return iso ? GRAPH_TIME.format(instant) : instant.getEpochSecond();
	}

	private static String phoneNumber(Random random, int index) {
		int line = 1000 + index % 9000;
		int exchange = 200 + random.nextInt(700);
		return switch (random.nextInt(10)) {
			case 0 -> "+1 %03d-555-%04d".formatted(exchange, line);
			case 1 -> "+44 20 %04d %04d".formatted(exchange, line);
			case 2 -> "+4420%04d%04d".formatted(exchange, line);
			default -> "+1%03d555%04d".formatted(exchange, line);
		};
	}

}
