package io.preverified.graphapi;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;

/**
 * The fake Graph API's calls on single numbers, as Meta's reference describes them:
 * {@code request_code} (the code goes to an inbox tests read, instead of a phone),
 * {@code verify_code} (a wrong code is error 136025; a VERIFIED number outside its last
 * 45 days is error 136024), reading a number, {@code add_phone_numbers} and deleting a
 * number. Unknown ids answer code 100, tokens that do not own the number code 190.
 * Parameters are read from the query or a form body, which the Graph API treats alike.
 */
final class FakeNumberWrites {

	private static final Pattern NUMBER = Pattern.compile("/(v\\d+\\.\\d+)/(\\d+)(/(request_code|verify_code))?");

	private static final Pattern ADD = Pattern.compile("/(v\\d+\\.\\d+)/(\\d+)/add_phone_numbers");

	private static final Duration RENEWABLE = Duration.ofDays(45);

	private final Map<String, FakeGraphApi.Business> businesses;

	private final Map<String, List<String>> inbox = new ConcurrentHashMap<>();

	private final AtomicLong nextId = new AtomicLong(9_000_000_000_000_000L);

	private volatile Consumer<SentCode> codeSent = (code) -> {
	};

	FakeNumberWrites(Map<String, FakeGraphApi.Business> businesses) {
		this.businesses = businesses;
	}

	Optional<String> lastCode(String numberId) {
		List<String> codes = this.inbox.getOrDefault(numberId, List.of());
		return codes.isEmpty() ? Optional.empty() : Optional.of(codes.get(codes.size() - 1));
	}

	int codesSent(String numberId) {
		return this.inbox.getOrDefault(numberId, List.of()).size();
	}

	void onCodeSent(Consumer<SentCode> listener) {
		this.codeSent = listener;
	}

	void clear() {
		this.inbox.clear();
	}

	MockResponse serve(RecordedRequest request, String token) {
		HttpUrl url = request.getUrl();
		Map<String, String> parameters = parameters(request);
		Matcher add = ADD.matcher(url.encodedPath());
		if (add.matches() && "POST".equals(request.getMethod())) {
			return add(add.group(2), token, parameters.get("phone_number"));
		}
		Matcher number = NUMBER.matcher(url.encodedPath());
		if (!number.matches()) {
			return unsupported(request);
		}
		String numberId = number.group(2);
		Optional<FakeGraphApi.Business> owner = this.businesses.values()
			.stream()
			.filter((business) -> find(business, numberId).isPresent())
			.findFirst();
		if (owner.isEmpty()) {
			return GraphApiFaults.error(400, 100, "GraphMethodException",
					"Unsupported " + request.getMethod().toLowerCase() + " request. Object with ID '" + numberId
							+ "' does not exist, cannot be loaded due to missing "
							+ "permissions, or does not support this operation");
		}
		if (token == null || !owner.get().accessToken().equals(token)) {
			return GraphApiFaults.error(401, 190, "OAuthException",
					"Invalid OAuth access token - Cannot parse access token");
		}
		Map<String, Object> found = find(owner.get(), numberId).orElseThrow();
		String action = (number.group(4) != null) ? number.group(4) : request.getMethod();
		return switch (action) {
			case "request_code" -> "POST".equals(request.getMethod())
					? requestCode(numberId, found, parameters.get("code_method")) : unsupported(request);
			case "verify_code" -> "POST".equals(request.getMethod())
					? verifyCode(numberId, found, parameters.get("code")) : unsupported(request);
			case "GET" -> GraphApiFaults.json(200, found);
			case "DELETE" -> {
				owner.get().numbers().remove(found);
				yield GraphApiFaults.json(200, Map.of("success", true));
			}
			default -> unsupported(request);
		};
	}

	private MockResponse requestCode(String numberId, Map<String, Object> number, String codeMethod) {
		if (!renewable(number)) {
			return outsideWindow();
		}
		String code = "%06d".formatted(ThreadLocalRandom.current().nextInt(1_000_000));
		this.inbox.computeIfAbsent(numberId, (id) -> new CopyOnWriteArrayList<>()).add(code);
		this.codeSent.accept(new SentCode(numberId, String.valueOf(number.get("phone_number")),
				"VOICE".equals(codeMethod) ? "VOICE" : "SMS", code));
		return GraphApiFaults.json(200, Map.of("success", true));
	}

	private MockResponse verifyCode(String numberId, Map<String, Object> number, String code) {
		if (!renewable(number)) {
			return outsideWindow();
		}
		if (code == null || !lastCode(numberId).map(code::equals).orElse(false)) {
			return GraphApiFaults.errorWith(400,
					Map.of("message", "(#136025) Verify code error", "type", "OAuthException", "code", 136025,
							"error_user_msg", "The code you entered is not correct. Check the code and try again.",
							"fbtrace_id", "AWrongCode"));
		}
		Instant now = Instant.now();
		number.put("code_verification_status", "VERIFIED");
		number.put("code_verification_time", now.getEpochSecond());
		number.put("verification_expiry_time", now.plus(Duration.ofDays(90)).getEpochSecond());
		this.inbox.remove(numberId);
		return GraphApiFaults.json(200, Map.of("success", true));
	}

	private MockResponse add(String businessId, String token, String phoneNumber) {
		FakeGraphApi.Business business = this.businesses.get(businessId);
		if (business == null || token == null || !business.accessToken().equals(token)) {
			return GraphApiFaults.error(401, 190, "OAuthException",
					"Invalid OAuth access token - Cannot parse access token");
		}
		if (phoneNumber == null || phoneNumber.isBlank()) {
			return GraphApiFaults.error(400, 100, "OAuthException", "(#100) The parameter phone_number is required");
		}
		String id = Long.toString(this.nextId.incrementAndGet());
		Map<String, Object> number = new LinkedHashMap<>();
		number.put("id", id);
		number.put("phone_number", phoneNumber);
		number.put("code_verification_status", "NOT_VERIFIED");
		number.put("owner_business", Map.of("id", businessId));
		business.numbers().add(number);
		return GraphApiFaults.json(200, Map.of("id", id));
	}

	// upstream renews a verification only in its last 45 days
	private static boolean renewable(Map<String, Object> number) {
		if (!"VERIFIED".equals(number.get("code_verification_status"))) {
			return true;
		}
		Object expiry = number.get("verification_expiry_time");
		if (!(expiry instanceof Number seconds)) {
			return true;
		}
		return !Instant.ofEpochSecond(seconds.longValue()).isAfter(Instant.now().plus(RENEWABLE));
	}

	private static MockResponse outsideWindow() {
		return GraphApiFaults.errorWith(400,
				Map.of("message",
						"(#136024) The phone number can be re-verified only in the last 45 days "
								+ "of its verification",
						"type", "OAuthException", "code", 136024, "fbtrace_id", "AWindow"));
	}

	private static Optional<Map<String, Object>> find(FakeGraphApi.Business business, String numberId) {
		return business.numbers()
			.stream()
			.filter((number) -> numberId.equals(String.valueOf(number.get("id"))))
			.findFirst();
	}

	private static MockResponse unsupported(RecordedRequest request) {
		return GraphApiFaults.error(400, 100, "GraphMethodException", "Unsupported " + request.getMethod().toLowerCase()
				+ " request. Please read the Graph API documentation");
	}

	private static Map<String, String> parameters(RecordedRequest request) {
		Map<String, String> parameters = new LinkedHashMap<>();
		HttpUrl url = request.getUrl();
		url.queryParameterNames().forEach((name) -> parameters.put(name, url.queryParameter(name)));
		String contentType = request.getHeaders().get("Content-Type");
		if (request.getBody() != null && contentType != null
				&& contentType.startsWith("application/x-www-form-urlencoded")) {
			HttpUrl form = HttpUrl.get("http://form/?" + request.getBody().string(StandardCharsets.UTF_8));
			form.queryParameterNames().forEach((name) -> parameters.put(name, form.queryParameter(name)));
		}
		return parameters;
	}

}
