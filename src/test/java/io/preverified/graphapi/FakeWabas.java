package io.preverified.graphapi;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * Customers' WhatsApp Business Accounts at the fake Graph API: a customer who claims a
 * pre-verified number takes it out of the partner's pool into a WABA of theirs, where it
 * has a phone number id of its own and is shown in display format
 * ({@code +1 555-123-4567}), as Meta's {@code GET /{waba-id}/phone_numbers} and
 * {@code GET /{phone-number-id}} show it. Any partner token reads them.
 */
final class FakeWabas {

	private static final Pattern PHONE_NUMBERS = Pattern.compile("/(v\\d+\\.\\d+)/(\\d+)/phone_numbers");

	private static final Pattern NODE = Pattern.compile("/(v\\d+\\.\\d+)/(\\d+)");

	private final Map<String, FakeGraphApi.Business> businesses;

	private final Map<String, List<Map<String, Object>>> wabas = new ConcurrentHashMap<>();

	private final AtomicLong nextId = new AtomicLong(7_000_000_000_000_000L);

	FakeWabas(Map<String, FakeGraphApi.Business> businesses) {
		this.businesses = businesses;
	}

	/**
	 * A customer claims a number: it leaves the business's pool and shows in the WABA.
	 * @param businessId the business whose pool lists it
	 * @param numberId the number
	 * @param wabaId the customer's WABA
	 * @return the phone number id it has there
	 */
	String claim(String businessId, String numberId, String wabaId) {
		List<Map<String, Object>> pool = this.businesses.get(businessId).numbers();
		Map<String, Object> number = pool.stream()
			.filter((candidate) -> numberId.equals(String.valueOf(candidate.get("id"))))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("No number " + numberId + " in business " + businessId));
		pool.remove(number);
		String phoneNumberId = Long.toString(this.nextId.incrementAndGet());
		this.wabas.computeIfAbsent(wabaId, (id) -> new CopyOnWriteArrayList<>())
			.add(Map.of("id", phoneNumberId, "display_phone_number", display((String) number.get("phone_number")),
					"verified_name", "Customer of " + wabaId));
		return phoneNumberId;
	}

	void clear() {
		this.wabas.clear();
	}

	/**
	 * Answers a read of a WABA's phone numbers or of one of them.
	 * @param request the request
	 * @param token its token
	 * @return the answer, or empty when the request is not one of these
	 */
	Optional<MockResponse> serve(RecordedRequest request, String token) {
		if (!"GET".equals(request.getMethod())) {
			return Optional.empty();
		}
		String path = request.getUrl().encodedPath();
		Matcher list = PHONE_NUMBERS.matcher(path);
		if (list.matches() && this.wabas.containsKey(list.group(2))) {
			return Optional.of(authorized(token)
					? GraphApiFaults.json(200,
							Map.of("data", this.wabas.get(list.group(2)), "paging", Map.of("cursors", Map.of())))
					: unauthorized());
		}
		Matcher node = NODE.matcher(path);
		if (node.matches()) {
			return this.wabas.values()
				.stream()
				.flatMap(List::stream)
				.filter((phone) -> node.group(2).equals(phone.get("id")))
				.findFirst()
				.map((phone) -> authorized(token) ? GraphApiFaults.json(200,
						Map.of("id", phone.get("id"), "display_phone_number", phone.get("display_phone_number")))
						: unauthorized());
		}
		return Optional.empty();
	}

	private boolean authorized(String token) {
		return token != null && this.businesses.values().stream().anyMatch((b) -> b.accessToken().equals(token));
	}

	private static MockResponse unauthorized() {
		return GraphApiFaults.error(401, 190, "OAuthException",
				"Invalid OAuth access token - Cannot parse access token");
	}

	private static String display(String phoneNumber) {
		PhoneNumberUtil util = PhoneNumberUtil.getInstance();
		try {
			return util.format(util.parse(phoneNumber, "ZZ"), PhoneNumberUtil.PhoneNumberFormat.INTERNATIONAL);
		}
		catch (NumberParseException ex) {
			return phoneNumber;
		}
	}

}
