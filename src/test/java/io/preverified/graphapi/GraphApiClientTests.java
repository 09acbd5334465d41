package io.preverified.graphapi;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link GraphApiClient} against the fake Graph API.
 */
class GraphApiClientTests {

	private static final String BUSINESS = "506914307656634";

	private static final String TOKEN = "EAAG-test-token";

	private final FakeGraphApi graphApi = FakeGraphApi.start();

	@AfterEach
	void stopGraphApi() {
		this.graphApi.close();
	}

	@Test
	void fetchNumbersAsksForEveryFieldWithTheTokenInTheHeaderOnly() {
		this.graphApi.business(BUSINESS, TOKEN, DemoInventory.generate(BUSINESS, "Acme", 3, Instant.now()));

		List<NumbersPage> pages = client(100).fetchNumbers(BUSINESS, TOKEN).collectList().block();

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

		List<NumbersPage> pages = client(10).fetchNumbers(BUSINESS, TOKEN).collectList().block();

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

		List<NumbersPage> pages = client(10).fetchNumbers(BUSINESS, TOKEN).collectList().block();

		assertThat(pages).singleElement().satisfies((page) -> assertThat(page.numbers()).isEmpty());
	}

	@Test
	void fetchNumbersDoesNotAskPagesAheadOfItsConsumer() {
		this.graphApi.business(BUSINESS, TOKEN, DemoInventory.generate(BUSINESS, "Acme", 100, Instant.now()));

		NumbersPage first = client(10).fetchNumbers(BUSINESS, TOKEN).take(1).blockFirst();

		assertThat(first.numbers()).hasSize(10);
		assertThat(this.graphApi.requests()).hasSizeLessThanOrEqualTo(2);
	}

	@Test
	void fetchNumbersWhenUpstreamAnswersWithAnErrorThrowsItsDetails() {
		this.graphApi.business(BUSINESS, TOKEN, List.of());
		this.graphApi.intercept((call, request) -> FakeGraphApi.errorWith(500,
				Map.of("message", "An unexpected error has occurred.", "type", "OAuthException", "code", 2,
						"error_subcode", 1234, "fbtrace_id", "Ax1", "is_transient", true)));

		assertThatExceptionOfType(GraphApiException.class)
			.isThrownBy(() -> client(10).fetchNumbers(BUSINESS, TOKEN).blockLast())
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
			.isThrownBy(() -> client(10).fetchNumbers(BUSINESS, TOKEN).blockLast())
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
			.isThrownBy(() -> client(10).fetchNumbers(BUSINESS, TOKEN).blockLast())
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
			.isThrownBy(() -> client(10).fetchNumbers("42", TOKEN).blockLast())
			.satisfies((ex) -> {
				assertThat(ex.getError().code()).isEqualTo(100);
				assertThat(ex.getError().httpStatus()).isEqualTo(404);
			});
	}

	@Test
	void fetchNumbersWhenTheCursorDoesNotAdvanceFails() {
		this.graphApi.business(BUSINESS, TOKEN, List.of());
		this.graphApi.intercept((call, request) -> FakeGraphApi.json(200, Map.of("data", List.of(Map.of("id", "1")),
				"paging", Map.of("cursors", Map.of("after", "stuck"), "next", this.graphApi.baseUrl() + "/next"))));

		assertThatExceptionOfType(GraphApiException.class)
			.isThrownBy(() -> client(10).fetchNumbers(BUSINESS, TOKEN).blockLast())
			.withMessageContaining("did not advance");
		assertThat(this.graphApi.requests()).hasSize(2);
	}

	private GraphApiClient client(int pageSize) {
		GraphApiProperties properties = new GraphApiProperties(this.graphApi.baseUrl(), "v25.0", null, pageSize,
				Duration.ofSeconds(1), Duration.ofSeconds(5),
				new GraphApiProperties.Retry(1, Duration.ZERO, Duration.ZERO));
		WebClient webClient = WebClient.builder()
			.baseUrl(properties.baseUrl())
			.defaultHeader("User-Agent", "preverified-sync/test")
			.build();
		return new GraphApiClient(webClient, properties, JsonMapper.builder().build());
	}

}
