package io.preverified.graphapi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;

/**
 * A stand-in for {@code GET /{version}/{business-id}/preverified_numbers} of the Graph
 * API, as its reference describes it: cursor paging with {@code next} links (carrying an
 * {@code access_token}, as upstream's do), an {@code after} cursor on the last page,
 * empty cursors for an empty inventory, field selection, the {@code phone_number} and
 * {@code code_verification_status} filters, bearer auth, unknown businesses and versions
 * answered with {@code GraphAPIError} bodies. Tests inject faults with
 * {@link #intercept(BiFunction)} and can hold requests with {@link #pause()}.
 */
public final class FakeGraphApi implements AutoCloseable {

	private static final Pattern PATH = Pattern.compile("/(v\\d+\\.\\d+)/([^/]+)/preverified_numbers");

	private static final Set<String> VERSIONS = Set.of("v23.0", "v24.0", "v25.0");

	private static final Set<String> FIELDS = Set.of("id", "phone_number", "code_verification_status",
			"code_verification_time", "verification_expiry_time", "owner_business");

	private static final int DEFAULT_LIMIT = 25;

	private final MockWebServer server = new MockWebServer();

	private final Map<String, Business> businesses = new ConcurrentHashMap<>();

	private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();

	private final AtomicInteger calls = new AtomicInteger();

	private volatile BiFunction<Integer, RecordedRequest, MockResponse> interceptor = (call, request) -> null;

	private volatile CountDownLatch gate = new CountDownLatch(0);

	private final RenderedPages rendered = new RenderedPages();

	private final FakeNumberWrites writes = new FakeNumberWrites(this.businesses);

	private final FakeWabas wabas = new FakeWabas(this.businesses);

	private volatile String appSecret;

	private volatile int maxLimit = Integer.MAX_VALUE;

	private FakeGraphApi() {
		this.server.setDispatcher(new Dispatcher() {

			@Override
			public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
				return FakeGraphApi.this.dispatch(request);
			}

		});
	}

	public static FakeGraphApi start() {
		FakeGraphApi fake = new FakeGraphApi();
		try {
			fake.server.start(0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return fake;
	}

	public String baseUrl() {
		String url = this.server.url("/").toString();
		return url.substring(0, url.length() - 1);
	}

	/**
	 * Sets the inventory of a business, served in list order.
	 * @param businessId the business
	 * @param accessToken the token it accepts
	 * @param numbers its numbers, as upstream would send them
	 */
	public void business(String businessId, String accessToken, List<Map<String, Object>> numbers) {
		this.businesses.put(businessId, new Business(accessToken, new CopyOnWriteArrayList<>(numbers)));
		this.rendered.forget(businessId);
	}

	public List<Map<String, Object>> numbers(String businessId) {
		return this.businesses.get(businessId).numbers();
	}

	/**
	 * Answers some requests differently. The function gets the 1-based number of the call
	 * counted from now, and the request; returning {@code null} lets the fake answer as
	 * usual.
	 * @param interceptor the function
	 */
	public void intercept(BiFunction<Integer, RecordedRequest, MockResponse> interceptor) {
		this.calls.set(0);
		this.interceptor = interceptor;
	}

	/**
	 * Answers the requests whose path contains a text as usual, each after a delay: slow
	 * pages keep a run going, slow actions keep a call in flight.
	 * @param delay how long each answer waits
	 * @param pathPart a part of the path, {@code "/"} for every request
	 */
	public void slowDown(Duration delay, String pathPart) {
		intercept((call, request) -> request.getUrl().encodedPath().contains(pathPart)
				? page(this, request).newBuilder().headersDelay(delay.toMillis(), TimeUnit.MILLISECONDS).build()
				: null);
	}

	/**
	 * Requires every request to carry the {@code appsecret_proof} of its token for this
	 * app secret, as Meta does for apps that enable "Require App Secret".
	 * @param appSecret the app secret, or {@code null} to require none
	 */
	public void requireAppSecretProof(String appSecret) {
		this.appSecret = appSecret;
	}

	/**
	 * Answers pages larger than this with upstream's "Please reduce the amount of data"
	 * error.
	 * @param maxLimit the largest {@code limit} served
	 */
	public void maxLimit(int maxLimit) {
		this.maxLimit = maxLimit;
	}

	/**
	 * The last verification code upstream "sent" to a number, as its phone would show it.
	 * @param numberId the number
	 * @return the code, if one was sent and not used yet
	 */
	public Optional<String> lastCode(String numberId) {
		return this.writes.lastCode(numberId);
	}

	/**
	 * How many codes were sent to a number and not used yet.
	 * @param numberId the number
	 * @return how many
	 */
	public int codesSent(String numberId) {
		return this.writes.codesSent(numberId);
	}

	/**
	 * Tells a listener about every code sent, as a phone would receive it.
	 * @param listener gets each code with its number
	 */
	public void onCodeSent(Consumer<SentCode> listener) {
		this.writes.onCodeSent(listener);
	}

	/** Holds every request until {@link #resume()}. */
	public void pause() {
		this.gate = new CountDownLatch(1);
	}

	public void resume() {
		this.gate.countDown();
	}

	public List<RecordedRequest> requests() {
		return List.copyOf(this.requests);
	}

	public List<RecordedRequest> requestsFor(String businessId) {
		return this.requests.stream()
			.filter((request) -> request.getUrl().encodedPath().contains("/" + businessId + "/"))
			.toList();
	}

	/** Forgets requests, faults, limits and inventories; a required app secret stays. */
	public void reset() {
		resume();
		this.maxLimit = Integer.MAX_VALUE;
		this.interceptor = (call, request) -> null;
		this.requests.clear();
		this.calls.set(0);
		this.businesses.clear();
		this.rendered.clear();
		this.writes.clear();
		this.wabas.clear();
	}

	// the demo's customer: POST /_fake/claim?business_id=..&number_id=..&waba_id=..
	private MockResponse claimFor(RecordedRequest request) {
		HttpUrl url = request.getUrl();
		try {
			String phoneNumberId = claim(url.queryParameter("business_id"), url.queryParameter("number_id"),
					url.queryParameter("waba_id"));
			return GraphApiFaults.json(200, Map.of("phone_number_id", phoneNumberId));
		}
		catch (RuntimeException ex) {
			return GraphApiFaults.error(400, 100, "FakeException", String.valueOf(ex.getMessage()));
		}
	}

	/**
	 * A customer claims a number through Embedded Signup: it leaves the business's pool
	 * and shows in the customer's WABA, in display format.
	 * @param businessId the business whose pool lists it
	 * @param numberId the number
	 * @param wabaId the customer's WABA
	 * @return the phone number id it has in the WABA
	 */
	public String claim(String businessId, String numberId, String wabaId) {
		String phoneNumberId = this.wabas.claim(businessId, numberId, wabaId);
		this.rendered.forget(businessId);
		return phoneNumberId;
	}

	@Override
	public void close() {
		resume();
		this.server.close();
	}

	private MockResponse dispatch(RecordedRequest request) throws InterruptedException {
		this.requests.add(request);
		int call = this.calls.incrementAndGet();
		this.gate.await(30, TimeUnit.SECONDS);
		MockResponse intercepted = this.interceptor.apply(call, request);
		return (intercepted != null) ? intercepted : serve(request);
	}

	private MockResponse serve(RecordedRequest request) {
		if ("/_fake/claim".equals(request.getUrl().encodedPath()) && "POST".equals(request.getMethod())) {
			return claimFor(request);
		}
		String token = token(request);
		Optional<MockResponse> waba = this.wabas.serve(request, token);
		if (waba.isPresent()) {
			return waba.get();
		}
		if (!"GET".equals(request.getMethod()) || !PATH.matcher(request.getUrl().encodedPath()).matches()) {
			return this.writes.serve(request, token);
		}
		MockResponse rendered = this.rendered.find(request.getUrl(), token);
		return (rendered != null) ? rendered : serve(request.getUrl(), token);
	}

	/**
	 * Renders every page of a business as the service asks for them, to be answered from
	 * memory afterwards: for benchmarks, where the fake must not be what is measured. A
	 * change of the business's inventory through {@link #business} forgets them.
	 * @param businessId the business
	 * @param limit the page size asked for
	 * @param fields the fields asked for
	 */
	public void renderPages(String businessId, int limit, String fields) {
		Business business = this.businesses.get(businessId);
		this.rendered.render(baseUrl(), businessId, business.accessToken(), business.numbers().size(), limit, fields,
				(url) -> serve(url, business.accessToken()));
	}

	private MockResponse serve(HttpUrl url, String token) {
		Matcher path = PATH.matcher(url.encodedPath());
		if (!path.matches()) {
			return GraphApiFaults.error(400, 100, "GraphMethodException",
					"Unsupported get request. Please read the Graph API documentation");
		}
		if (!VERSIONS.contains(path.group(1))) {
			return GraphApiFaults.error(400, 2635, "OAuthException",
					"(#2635) You are calling a deprecated version of the Ads API. "
							+ "Please update to the latest version: v25.0.");
		}
		Business business = this.businesses.get(path.group(2));
		if (token == null || (business != null && !business.accessToken().equals(token)) || (business == null
				&& this.businesses.values().stream().noneMatch((b) -> b.accessToken().equals(token)))) {
			return GraphApiFaults.error(401, 190, "OAuthException",
					"Invalid OAuth access token - Cannot parse access token");
		}
		if (business == null) {
			return GraphApiFaults.error(404, 100, "GraphMethodException", "Unsupported get request. Object with ID '"
					+ path.group(2)
					+ "' does not exist, cannot be loaded due to missing permissions, or does not support this operation.");
		}
		String appSecret = this.appSecret;
		if (appSecret != null && !AppSecretProof.of(token, appSecret).equals(url.queryParameter("appsecret_proof"))) {
			return GraphApiFaults.error(400, 100, "GraphMethodException",
					"Invalid appsecret_proof provided in the API argument");
		}
		Integer limit = limit(url.queryParameter("limit"));
		if (limit == null) {
			return GraphApiFaults.error(400, 100, "OAuthException", "(#100) Param limit must be a positive integer");
		}
		if (limit > this.maxLimit) {
			return GraphApiFaults.errorWith(500,
					Map.of("message", "Please reduce the amount of data you're asking for, then retry your request",
							"type", "OAuthException", "code", 1, "fbtrace_id", "AReduce1"));
		}
		List<Map<String, Object>> matching = business.numbers()
			.stream()
			.filter((number) -> matches(number, "phone_number", url.queryParameter("phone_number")))
			.filter((number) -> matches(number, "code_verification_status",
					url.queryParameter("code_verification_status")))
			.toList();
		int from = 0;
		int to = Math.min(matching.size(), limit);
		try {
			if (url.queryParameter("after") != null) {
				from = decodeCursor(url.queryParameter("after")) + 1;
				to = Math.min(matching.size(), from + limit);
			}
			else if (url.queryParameter("before") != null) {
				to = Math.min(matching.size(), decodeCursor(url.queryParameter("before")));
				from = Math.max(0, to - limit);
			}
		}
		catch (IllegalArgumentException ex) {
			return GraphApiFaults.error(400, 100, "OAuthException", "(#100) Invalid cursor");
		}
		from = Math.min(from, matching.size());
		Set<String> selected = selectedFields(url.queryParameter("fields"));
		if (selected == null) {
			return GraphApiFaults.error(400, 100, "OAuthException", "(#100) Tried accessing nonexisting field");
		}
		List<Map<String, Object>> data = new ArrayList<>();
		for (Map<String, Object> number : matching.subList(from, to)) {
			Map<String, Object> view = new LinkedHashMap<>();
			number.forEach((field, value) -> {
				if (selected.contains(field) || !FIELDS.contains(field)) {
					view.put(field, value);
				}
			});
			data.add(view);
		}
		Map<String, Object> paging = new LinkedHashMap<>();
		Map<String, Object> cursors = new LinkedHashMap<>();
		paging.put("cursors", cursors);
		if (!data.isEmpty()) {
			cursors.put("before", encodeCursor(from));
			cursors.put("after", encodeCursor(to - 1));
			if (to < matching.size()) {
				paging.put("next",
						url.newBuilder()
							.setQueryParameter("access_token", token)
							.removeAllQueryParameters("before")
							.setQueryParameter("after", encodeCursor(to - 1))
							.build()
							.toString());
			}
			if (from > 0) {
				paging.put("previous",
						url.newBuilder()
							.setQueryParameter("access_token", token)
							.removeAllQueryParameters("after")
							.setQueryParameter("before", encodeCursor(from))
							.build()
							.toString());
			}
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("data", data);
		body.put("paging", paging);
		return GraphApiFaults.json(200, body);
	}

	private static String token(RecordedRequest request) {
		String authorization = request.getHeaders().get("Authorization");
		if (authorization != null && authorization.startsWith("Bearer ")) {
			return authorization.substring("Bearer ".length());
		}
		return request.getUrl().queryParameter("access_token");
	}

	private static Integer limit(String value) {
		if (value == null) {
			return DEFAULT_LIMIT;
		}
		try {
			int limit = Integer.parseInt(value);
			return (limit >= 1) ? limit : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static Set<String> selectedFields(String fields) {
		if (fields == null) {
			// upstream's default selection
			return Set.of("id", "phone_number");
		}
		Set<String> selected = Set.copyOf(Arrays.stream(fields.split(",")).map(String::strip).toList());
		if (!FIELDS.containsAll(selected)) {
			return null;
		}
		return Set.copyOf(concat(selected, "id"));
	}

	private static List<String> concat(Set<String> fields, String field) {
		List<String> all = new ArrayList<>(fields);
		all.add(field);
		return all;
	}

	private static boolean matches(Map<String, Object> number, String field, String wanted) {
		if (wanted == null) {
			return true;
		}
		Object value = number.get(field);
		if (value == null) {
			return false;
		}
		if ("phone_number".equals(field)) {
			return digits(value.toString()).equals(digits(wanted));
		}
		return Objects.equals(value.toString(), wanted);
	}

	private static String digits(String phoneNumber) {
		return phoneNumber.replaceAll("\\D", "");
	}

	static String encodeCursor(int index) {
		return Base64.getEncoder().encodeToString(("fake-cursor:" + index).getBytes(StandardCharsets.UTF_8));
	}

	private static int decodeCursor(String cursor) {
		String decoded = new String(Base64.getDecoder().decode(cursor), StandardCharsets.UTF_8);
		if (!decoded.startsWith("fake-cursor:")) {
			throw new IllegalArgumentException(cursor);
		}
		return Integer.parseInt(decoded.substring("fake-cursor:".length()));
	}

	/**
	 * The response the fake would give a request, to be altered by a test.
	 * @param fake the fake
	 * @param request the request
	 * @return the response
	 */
	public static MockResponse page(FakeGraphApi fake, RecordedRequest request) {
		return fake.serve(request);
	}

	record Business(String accessToken, List<Map<String, Object>> numbers) {

	}

}
