package io.preverified.graphapi;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link GraphApiClient} against the fake Graph API.
 */
class GraphApiClientTests {

	private static final String BUSINESS = "506914307656634";

	private static final String TOKEN = "EAAG-test-token";

	private final FakeGraphApi graphApi = FakeGraphApi.start();

	private final RecordingPauseScheduler pauses = new RecordingPauseScheduler();

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	@AfterEach
	void stopGraphApi() {
		this.graphApi.close();
	}

	@Test
	void fetchNumbersAsksForEveryFieldWithTheTokenInTheHeaderOnly() {
		this.graphApi.business(BUSINESS, TOKEN, DemoInventory.generate(BUSINESS, "Acme", 3, Instant.now()));

		List<NumbersPage> pages = client(100).fetchNumbers(BUSINESS, TOKEN, PauseListener.NONE).collectList().block();

		assertThat(pages).hasSize(1);
		RecordedRequest request = this.graphApi.requests().get(0);
		assertThat(request.getUrl().encodedPath()).isEqualTo("/v25.0/" + BUSINESS + "/preverified_numbers");
		assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + TOKEN);
		assertThat(request.getHeaders().get("User-Agent")).isEqualTo("preverified-sync/test");
		assertThat(request.getUrl().queryParameter("fields")).isEqualTo(
				"id,phone_number,code_verification_status,code_verification_time,verification_expiry_time,owner_business");
		assertThat(request.getUrl().queryParameter("limit")).isEqualTo("100");
		assertThat(request.getUrl().queryParameter("after")).isNull();
		assertThat(request.getUrl().toString()).doesNotContain(TOKEN);
	}

	@Test
	void fetchNumbersFollowsCursorsToTheLastPageAndNoFurther() {
		List<Map<String, Object>> inventory = DemoInventory.generate(BUSINESS, "Acme", 25, Instant.now());
		this.graphApi.business(BUSINESS, TOKEN, inventory);

		List<NumbersPage> pages = client(10).fetchNumbers(BUSINESS, TOKEN, PauseListener.NONE).collectList().block();

		assertThat(pages).extracting((page) -> page.numbers().size()).containsExactly(10, 10, 5);
		assertThat(pages.stream().flatMap((page) -> page.numbers().stream()).map(FetchedNumber::id))
			.containsExactlyElementsOf(inventory.stream().map((number) -> (String) number.get("id")).toList());
		List<RecordedRequest> requests = this.graphApi.requests();
		assertThat(requests).hasSize(3);
		assertThat(requests.get(1).getUrl().queryParameter("after")).isEqualTo(FakeGraphApi.encodeCursor(9));
		assertThat(requests.get(2).getUrl().queryParameter("after")).isEqualTo(FakeGraphApi.encodeCursor(19));
		assertThat(requests).allSatisfy((request) -> {
			assertThat(request.getUrl().queryParameter("access_token")).isNull();
			assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + TOKEN);
		});
	}

	@Test
	void fetchNumbersOfAnEmptyInventoryGivesOneEmptyPage() {
		this.graphApi.business(BUSINESS, TOKEN, List.of());

		List<NumbersPage> pages = client(10).fetchNumbers(BUSINESS, TOKEN, PauseListener.NONE).collectList().block();

		assertThat(pages).singleElement().satisfies((page) -> assertThat(page.numbers()).isEmpty());
	}

	@Test
	void fetchNumbersDoesNotAskPagesAheadOfItsConsumer() {
		this.graphApi.business(BUSINESS, TOKEN, DemoInventory.generate(BUSINESS, "Acme", 100, Instant.now()));

		NumbersPage first = client(10).fetchNumbers(BUSINESS, TOKEN, PauseListener.NONE).take(1).blockFirst();

		assertThat(first.numbers()).hasSize(10);
		assertThat(this.graphApi.requests()).hasSizeLessThanOrEqualTo(2);
	}

	@Test
	void fetchNumbersWhenUpstreamAnswersWithAnErrorThrowsItsDetails() {
		this.graphApi.business(BUSINESS, TOKEN, List.of());
		this.graphApi.intercept((call, request) -> GraphApiFaults.errorWith(500,
				Map.of("message", "An unexpected error has occurred.", "type", "OAuthException", "code", 2,
						"error_subcode", 1234, "fbtrace_id", "Ax1", "is_transient", true)));

		assertThatExceptionOfType(GraphApiException.class)
			.isThrownBy(() -> client(10).fetchNumbers(BUSINESS, TOKEN, PauseListener.NONE).blockLast())
			.satisfies((ex) -> assertThat(ex.getError()).isEqualTo(new GraphApiError(500, 2, 1234, "OAuthException",
					"An unexpected error has occurred.", "Ax1", true)));
	}

	@Test
	void fetchNumbersWhenUpstreamAnswersWithAnHtmlPageThrowsTheStatus() {
		this.graphApi.business(BUSINESS, TOKEN, List.of());
		this.graphApi.intercept((call, request) -> new MockResponse.Builder().code(502)
			.setHeader("Content-Type", "text/html")
			.body("<html><body>502 Bad Gateway</body></html>")
			.build());

		assertThatExceptionOfType(GraphApiException.class)
			.isThrownBy(() -> client(10).fetchNumbers(BUSINESS, TOKEN, PauseListener.NONE).blockLast())
			.satisfies((ex) -> {
				assertThat(ex.getError().httpStatus()).isEqualTo(502);
				assertThat(ex.getError().code()).isNull();
				assertThat(ex.getMessage()).contains("502");
			});
	}

	@Test
	void fetchNumbersWithARejectedTokenThrowsTheAuthError() {
		this.graphApi.business(BUSINESS, "another-token", List.of());

		assertThatExceptionOfType(GraphApiException.class)
			.isThrownBy(() -> client(10).fetchNumbers(BUSINESS, TOKEN, PauseListener.NONE).blockLast())
			.satisfies((ex) -> {
				assertThat(ex.getError().code()).isEqualTo(190);
				assertThat(ex.getError().httpStatus()).isEqualTo(401);
				assertThat(ex.getMessage()).doesNotContain(TOKEN);
			});
	}

	@Test
	void fetchNumbersOfAnUnknownBusinessThrowsNotFound() {
		this.graphApi.business(BUSINESS, TOKEN, List.of());

		assertThatExceptionOfType(GraphApiException.class)
			.isThrownBy(() -> client(10).fetchNumbers("42", TOKEN, PauseListener.NONE).blockLast())
			.satisfies((ex) -> {
				assertThat(ex.getError().code()).isEqualTo(100);
				assertThat(ex.getError().httpStatus()).isEqualTo(404);
			});
	}

	@Test
	void fetchNumbersWhenTheCursorDoesNotAdvanceFails() {
		this.graphApi.business(BUSINESS, TOKEN, List.of());
		this.graphApi.intercept((call, request) -> GraphApiFaults.json(200, Map.of("data", List.of(Map.of("id", "1")),
				"paging", Map.of("cursors", Map.of("after", "stuck"), "next", this.graphApi.baseUrl() + "/next"))));

		assertThatExceptionOfType(GraphApiException.class)
			.isThrownBy(() -> client(10).fetchNumbers(BUSINESS, TOKEN, PauseListener.NONE).blockLast())
			.withMessageContaining("did not advance");
		assertThat(this.graphApi.requests()).hasSize(2);
	}

	@Test
	void fetchNumbersRetriesTransientFailuresWithBackoffAndGetsEveryNumber() {
		List<Map<String, Object>> inventory = DemoInventory.generate(BUSINESS, "Acme", 30, Instant.now());
		this.graphApi.business(BUSINESS, TOKEN, inventory);
		this.graphApi.intercept((call, request) -> switch (call) {
			case 1 -> GraphApiFaults.errorWith(500, Map.of("message", "An unknown error occurred", "type",
					"OAuthException", "code", 1, "fbtrace_id", "A1"));
			case 2 -> GraphApiFaults.errorWith(400, Map.of("message", "Temporary", "type", "OAuthException", "code",
					190, "is_transient", true, "fbtrace_id", "A2"));
			case 4 -> new MockResponse.Builder().code(502)
				.setHeader("Content-Type", "text/html")
				.body("<html>Bad Gateway</html>")
				.build();
			case 5 ->
				new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket(true, false, false)).build();
			case 6 -> FakeGraphApi.page(this.graphApi, request).newBuilder().headersDelay(2, TimeUnit.SECONDS).build();
			default -> null;
		});

		List<NumbersPage> pages = client(10, "v25.0", null, 6).fetchNumbers(BUSINESS, TOKEN, PauseListener.NONE)
			.collectList()
			.block();

		assertThat(pages.stream().mapToInt((page) -> page.numbers().size()).sum()).isEqualTo(30);
		assertThat(this.graphApi.requests()).hasSizeGreaterThanOrEqualTo(8);
		assertThat(this.pauses.recorded()).hasSizeGreaterThanOrEqualTo(5)
			.allSatisfy((pause) -> assertThat(pause).isBetween(Duration.ofMillis(500), Duration.ofMinutes(2)));
		assertThat(this.meters.get("preverified.graph-api.requests").tag("outcome", "success").timer().count())
			.isEqualTo(3);
		assertThat(this.meters.get("preverified.graph-api.requests").tag("outcome", "transient_error").timer().count())
			.isGreaterThanOrEqualTo(3);
	}

	@Test
	void fetchNumbersGivesUpAfterMaxAttemptsAndSaysHowMany() {
		this.graphApi.business(BUSINESS, TOKEN, List.of());
		this.graphApi.intercept(
				(call, request) -> GraphApiFaults.error(503, 2, "OAuthException", "Service temporarily unavailable"));

		assertThatExceptionOfType(GraphApiException.class)
			.isThrownBy(
					() -> client(10, "v25.0", null, 4).fetchNumbers(BUSINESS, TOKEN, PauseListener.NONE).blockLast())
			.satisfies((ex) -> {
				assertThat(ex.getAttempts()).isEqualTo(4);
				assertThat(ex.getError().code()).isEqualTo(2);
			});
		assertThat(this.graphApi.requests()).hasSize(4);
		assertThat(this.pauses.recorded()).hasSize(3);
	}

	@Test
	void fetchNumbersDoesNotRetryPermanentErrors() {
		this.graphApi.business(BUSINESS, "another-token", List.of());
		GraphApiClient client = client(10, "v25.0", null, 6);

		assertThatExceptionOfType(GraphApiException.class)
			.isThrownBy(() -> client.fetchNumbers(BUSINESS, TOKEN, PauseListener.NONE).blockLast())
			.satisfies((ex) -> assertThat(ex.getAttempts()).isOne());
		assertThat(this.graphApi.requests()).hasSize(1);
		for (int code : new int[] { 10, 100, 102, 200, 299, 463, 467 }) {
			this.graphApi.intercept((call, request) -> GraphApiFaults.error(400, code, "OAuthException", "Permanent"));
			assertThatExceptionOfType(GraphApiException.class).isThrownBy(
					() -> client(10, "v25.0", null, 6).fetchNumbers(BUSINESS, TOKEN, PauseListener.NONE).blockLast())
				.satisfies((ex) -> assertThat(ex.getAttempts()).as("code %d", code).isOne());
		}
	}

	@Test
	void fetchNumbersWithADeprecatedVersionFailsOnceNamingTheVersion() {
		this.graphApi.business(BUSINESS, TOKEN, List.of());

		assertThatExceptionOfType(GraphApiException.class)
			.isThrownBy(
					() -> client(10, "v19.0", null, 6).fetchNumbers(BUSINESS, TOKEN, PauseListener.NONE).blockLast())
			.satisfies((ex) -> {
				assertThat(ex.getError().code()).isEqualTo(2635);
				assertThat(ex.getMessage()).contains("v19.0").contains("preverified.graph-api.version");
			});
		assertThat(this.graphApi.requests()).hasSize(1);
	}

	@Test
	void fetchNumbersWithAnAppSecretProvesItOnEveryPage() {
		this.graphApi.business(BUSINESS, TOKEN, DemoInventory.generate(BUSINESS, "Acme", 25, Instant.now()));
		this.graphApi.requireAppSecretProof("app-secret-1");

		List<NumbersPage> pages = client(10, "v25.0", "app-secret-1", 1)
			.fetchNumbers(BUSINESS, TOKEN, PauseListener.NONE)
			.collectList()
			.block();

		assertThat(pages).hasSize(3);
		assertThat(this.graphApi.requests()).hasSize(3)
			.allSatisfy((request) -> assertThat(request.getUrl().queryParameter("appsecret_proof"))
				.isEqualTo(AppSecretProof.of(TOKEN, "app-secret-1")));
		assertThatExceptionOfType(GraphApiException.class)
			.isThrownBy(() -> client(10, "v25.0", "another-secret", 1).fetchNumbers(BUSINESS, TOKEN, PauseListener.NONE)
				.blockLast())
			.withMessageContaining("appsecret_proof");
	}

	@Test
	void fetchNumbersWhenThrottledWaitsAsUpstreamSays() {
		this.graphApi.business(BUSINESS, TOKEN, DemoInventory.generate(BUSINESS, "Acme", 5, Instant.now()));
		this.graphApi.intercept((call, request) -> (call == 1) ? GraphApiFaults.throttled(80008, 1) : null);

		List<NumbersPage> pages = client(10, "v25.0", null, 6).fetchNumbers(BUSINESS, TOKEN, PauseListener.NONE)
			.collectList()
			.block();

		assertThat(pages.get(0).numbers()).hasSize(5);
		assertThat(this.graphApi.requests()).hasSize(2);
		assertThat(this.pauses.recorded()).hasSize(2)
			.element(1)
			.satisfies((pause) -> assertThat(pause).isCloseTo(Duration.ofMinutes(1), Duration.ofSeconds(2)));
		assertThat(this.meters.get("preverified.graph-api.requests").tag("outcome", "throttled").timer().count())
			.isOne();
	}

	@Test
	void fetchNumbersWhenBlockedForLongerThanTheLongestPauseFailsWithoutWaiting() {
		this.graphApi.business(BUSINESS, TOKEN, List.of());
		this.graphApi.intercept((call, request) -> GraphApiFaults.throttled(80008, 60));

		assertThatExceptionOfType(GraphApiException.class)
			.isThrownBy(
					() -> client(10, "v25.0", null, 6).fetchNumbers(BUSINESS, TOKEN, PauseListener.NONE).blockLast())
			.withMessageContaining("estimated_time_to_regain_access")
			.withMessageContaining("preverified.graph-api.retry.max-backoff");
		assertThat(this.graphApi.requests()).hasSize(1);
		assertThat(this.pauses.recorded()).allSatisfy((pause) -> assertThat(pause).isLessThan(Duration.ofMinutes(2)));
	}

	@Test
	void fetchNumbersSlowsDownWhenUsageIsHigh() {
		this.graphApi.business(BUSINESS, TOKEN, DemoInventory.generate(BUSINESS, "Acme", 20, Instant.now()));
		this.graphApi.intercept((call, request) -> FakeGraphApi.page(this.graphApi, request)
			.newBuilder()
			.setHeader("X-App-Usage", "{\"call_count\": 95, \"total_cputime\": 20, \"total_time\": 30}")
			.build());

		client(10, "v25.0", null, 1).fetchNumbers(BUSINESS, TOKEN, PauseListener.NONE).blockLast();

		// 95% is 6 points past the 90% mark: 6 × initial-backoff (1s) before the next
		// call
		assertThat(this.pauses.recorded()).singleElement()
			.satisfies((pause) -> assertThat(pause).isCloseTo(Duration.ofSeconds(6), Duration.ofSeconds(1)));
		assertThat(this.meters.get("preverified.graph-api.usage").tag("business_id", BUSINESS).gauge().value())
			.isEqualTo(95);
	}

	@Test
	void fetchNumbersWhenAskedForLessDataHalvesThePageSize() {
		this.graphApi.business(BUSINESS, TOKEN, DemoInventory.generate(BUSINESS, "Acme", 60, Instant.now()));
		this.graphApi.maxLimit(30);

		List<NumbersPage> pages = client(100, "v25.0", null, 1).fetchNumbers(BUSINESS, TOKEN, PauseListener.NONE)
			.collectList()
			.block();

		assertThat(pages).extracting(NumbersPage::pageSize).containsOnly(25);
		assertThat(pages.stream().mapToInt((page) -> page.numbers().size()).sum()).isEqualTo(60);
		assertThat(this.graphApi.requests()).extracting((request) -> request.getUrl().queryParameter("limit"))
			.containsExactly("100", "50", "25", "25", "25");
	}

	@Test
	void fetchNumbersOpensTheCircuitAfterRepeatedFailures() {
		this.graphApi.business(BUSINESS, "revoked", List.of());
		GraphApiClient client = client(10, "v25.0", null, 6);
		for (int run = 0; run < BusinessGuardRegistry.MINIMUM_CALLS; run++) {
			assertThatExceptionOfType(GraphApiException.class)
				.isThrownBy(() -> client.fetchNumbers(BUSINESS, TOKEN, PauseListener.NONE).blockLast())
				.satisfies((ex) -> assertThat(ex.isCircuitOpen()).isFalse());
		}

		assertThatExceptionOfType(GraphApiException.class)
			.isThrownBy(() -> client.fetchNumbers(BUSINESS, TOKEN, PauseListener.NONE).blockLast())
			.satisfies((ex) -> {
				assertThat(ex.isCircuitOpen()).isTrue();
				assertThat(ex.getAttempts()).isZero();
			});
		assertThat(this.graphApi.requests()).hasSize(BusinessGuardRegistry.MINIMUM_CALLS);
		assertThat(client.circuitState(BUSINESS)).isEqualTo("OPEN");
	}

	@Test
	void fetchNumbersWhenA200IsNotAPageFailsInsteadOfReadingAnEmptyInventory() {
		this.graphApi.business(BUSINESS, TOKEN, List.of());
		for (MockResponse notAPage : List.of(GraphApiFaults.json(200, Map.of()),
				GraphApiFaults.json(200, Map.of("data", "none")),
				new MockResponse.Builder().code(200)
					.setHeader("Content-Type", "text/html")
					.body("<html>Service Unavailable</html>")
					.build())) {
			this.graphApi.intercept((call, request) -> notAPage);

			assertThatExceptionOfType(GraphApiException.class)
				.isThrownBy(() -> client(10).fetchNumbers(BUSINESS, TOKEN, PauseListener.NONE).blockLast())
				.satisfies((ex) -> assertThat(ex.getError().httpStatus()).isEqualTo(200));
		}
	}

	@Test
	void fetchNumbersWhenA200CarriesAnErrorObjectClassifiesItLikeAnyError() {
		this.graphApi.business(BUSINESS, TOKEN, List.of());
		this.graphApi.intercept((call, request) -> GraphApiFaults.json(200, Map.of("error", Map.of("message",
				"Error validating access token", "type", "OAuthException", "code", 190, "fbtrace_id", "AzErr"))));

		assertThatExceptionOfType(GraphApiException.class)
			.isThrownBy(
					() -> client(10, "v25.0", null, 6).fetchNumbers(BUSINESS, TOKEN, PauseListener.NONE).blockLast())
			.satisfies((ex) -> {
				assertThat(ex.getError().code()).isEqualTo(190);
				assertThat(ex.getError().fbtraceId()).isEqualTo("AzErr");
				assertThat(ex.getAttempts()).isOne();
			});
	}

	@Test
	void fetchNumbersRetriesABodyCutOffHalfWayAndABodyStalledPastTheReadTimeout() {
		List<Map<String, Object>> inventory = DemoInventory.generate(BUSINESS, "Acme", 25, Instant.now());
		this.graphApi.business(BUSINESS, TOKEN, inventory);
		this.graphApi.intercept((call, request) -> switch (call) {
			case 1 -> FakeGraphApi.page(this.graphApi, request)
				.newBuilder()
				.onResponseBody(new SocketEffect.CloseSocket(true, false, false))
				.build();
			case 3 ->
				FakeGraphApi.page(this.graphApi, request).newBuilder().throttleBody(200, 3, TimeUnit.SECONDS).build();
			default -> null;
		});

		List<NumbersPage> pages = client(10, "v25.0", null, 3).fetchNumbers(BUSINESS, TOKEN, PauseListener.NONE)
			.collectList()
			.block();

		assertThat(pages.stream().flatMap((page) -> page.numbers().stream()).map(FetchedNumber::id))
			.containsExactlyElementsOf(inventory.stream().map((number) -> (String) number.get("id")).toList());
		assertThat(this.graphApi.requests()).hasSize(5);
		assertThat(this.meters.get("preverified.graph-api.requests").tag("outcome", "unreachable").timer().count())
			.isEqualTo(2);
	}

	@Test
	void fetchNumbersReadsAPageOfTwoMegabytes() {
		List<Map<String, Object>> inventory = DemoInventory.generate(BUSINESS, "Acme", 500, Instant.now());
		String longName = "Acme Holdings ".repeat(300);
		inventory.forEach((number) -> number.put("owner_business", Map.of("id", BUSINESS, "name", longName)));
		this.graphApi.business(BUSINESS, TOKEN, inventory);

		List<NumbersPage> pages = client(500).fetchNumbers(BUSINESS, TOKEN, PauseListener.NONE).collectList().block();

		assertThat(pages).singleElement().satisfies((page) -> {
			assertThat(page.numbers()).hasSize(500);
			// read whole, kept bounded
			assertThat(page.numbers().get(0).ownerBusinessName()).hasSize(UpstreamText.SHORT)
				.isEqualTo(longName.substring(0, UpstreamText.SHORT));
		});
		assertThat(500 * longName.length()).isGreaterThan(2 * 1024 * 1024);
	}

	@Test
	void fetchNumbersWhenAPageIsLargerThanItReadsHalvesThePageSize() {
		List<Map<String, Object>> inventory = DemoInventory.generate(BUSINESS, "Acme", 40, Instant.now());
		this.graphApi.business(BUSINESS, TOKEN, inventory);
		String huge = "x".repeat(GraphApiTransport.MAX_ANSWER_BYTES);
		this.graphApi.intercept(
				(call, request) -> (call == 1)
						? GraphApiFaults.json(200,
								Map.of("data", List.of(Map.of("id", "1", "padding", huge)), "paging", Map.of()))
						: null);

		// 16 MiB take longer than the other tests' read timeout on a slow machine
		List<NumbersPage> pages = client(40, "v25.0", null, 1, Duration.ofSeconds(10))
			.fetchNumbers(BUSINESS, TOKEN, PauseListener.NONE)
			.collectList()
			.block();

		assertThat(pages).extracting(NumbersPage::pageSize).containsOnly(20);
		assertThat(pages.stream().mapToInt((page) -> page.numbers().size()).sum()).isEqualTo(40);
	}

	@Test
	void fetchNumbersWhenACursorLeadsBackToAnEarlierPageFailsAtOnce() {
		this.graphApi.business(BUSINESS, TOKEN, List.of());
		this.graphApi.intercept((call, request) -> {
			String cursor = ("a".equals(request.getUrl().queryParameter("after"))) ? "b" : "a";
			return GraphApiFaults.json(200, Map.of("data", List.of(Map.of("id", "900" + call)), "paging",
					Map.of("cursors", Map.of("after", cursor), "next", this.graphApi.baseUrl() + "/next")));
		});

		assertThatExceptionOfType(GraphApiException.class)
			.isThrownBy(() -> client(10).fetchNumbers(BUSINESS, TOKEN, PauseListener.NONE).blockLast())
			.withMessageContaining("earlier page");
		assertThat(this.graphApi.requests()).hasSize(3);
	}

	@Test
	void fetchNumbersWhenThrottledRepeatedlyKeepsTheCircuitClosed() {
		this.graphApi.business(BUSINESS, TOKEN, List.of());
		GraphApiClient client = client(10, "v25.0", null, 2);
		this.graphApi.intercept((call, request) -> GraphApiFaults.error(400, 4, "OAuthException",
				"(#4) Application request limit reached"));
		for (int run = 0; run < BusinessGuardRegistry.MINIMUM_CALLS + 2; run++) {
			assertThatExceptionOfType(GraphApiException.class)
				.isThrownBy(() -> client.fetchNumbers(BUSINESS, TOKEN, PauseListener.NONE).blockLast());
		}
		this.graphApi.intercept((call, request) -> GraphApiFaults.throttled(80008, 60));
		for (int run = 0; run < BusinessGuardRegistry.MINIMUM_CALLS + 2; run++) {
			assertThatExceptionOfType(GraphApiException.class)
				.isThrownBy(() -> client.fetchNumbers(BUSINESS, TOKEN, PauseListener.NONE).blockLast())
				.satisfies((ex) -> assertThat(ex.isCircuitOpen()).isFalse());
		}

		assertThat(client.circuitState(BUSINESS)).isEqualTo("CLOSED");
	}

	private GraphApiClient client(int pageSize) {
		return client(pageSize, "v25.0", null, 1);
	}

	private GraphApiClient client(int pageSize, String version, String appSecret, int maxAttempts) {
		return client(pageSize, version, appSecret, maxAttempts, Duration.ofSeconds(1));
	}

	private GraphApiClient client(int pageSize, String version, String appSecret, int maxAttempts,
			Duration readTimeout) {
		GraphApiProperties properties = new GraphApiProperties(this.graphApi.baseUrl(), version, appSecret, pageSize,
				Duration.ofSeconds(1), readTimeout,
				new GraphApiProperties.Retry(maxAttempts, Duration.ofSeconds(1), Duration.ofMinutes(2)));
		return new GraphApiClient(GraphApiTestTransport.create(properties, this.meters, this.pauses), properties,
				GraphApiTestTransport.json);
	}

}
