package io.preverified.graphapi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import io.preverified.graphapi.payload.GraphApiErrorResponse;
import io.preverified.graphapi.payload.PreverifiedNumbersResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Reads the pre-verified numbers of a business from the Graph API, page after page.
 * Callers see a stream of pages; URLs and cursors stay in here. A page is requested only
 * when the previous one has been consumed, so memory does not grow with the size of an
 * inventory.
 */
public class GraphApiClient {

	static final String FIELDS = "id,phone_number,code_verification_status,code_verification_time,"
			+ "verification_expiry_time,owner_business";

	/**
	 * No real inventory comes close; a longer walk means upstream keeps handing out
	 * pages.
	 */
	static final int MAX_PAGES = 100_000;

	private final WebClient webClient;

	private final GraphApiProperties properties;

	private final JsonMapper jsonMapper;

	GraphApiClient(WebClient webClient, GraphApiProperties properties, JsonMapper jsonMapper) {
		this.webClient = webClient;
		this.properties = properties;
		this.jsonMapper = jsonMapper;
	}

	/**
	 * Streams every page of a business's pre-verified numbers. The stream fails with a
	 * {@link GraphApiException} when upstream answers with an error, or when its paging
	 * does not advance.
	 * @param businessId the business
	 * @param accessToken its token, sent only in the {@code Authorization} header
	 * @return the pages, in upstream order
	 */
	public Flux<NumbersPage> fetchNumbers(String businessId, String accessToken) {
		PageRequest first = new PageRequest(businessId, accessToken, null, 1);
		return fetch(first).expand((fetched) -> fetched.next().map(this::fetch).orElse(Mono.empty()))
			.map(FetchedPage::page);
	}

	private Mono<FetchedPage> fetch(PageRequest request) {
		return this.webClient.get()
			.uri((uri) -> uri.path("/{version}/{businessId}/preverified_numbers")
				.queryParam("fields", "{fields}")
				.queryParam("limit", "{limit}")
				.queryParamIfPresent("after", Optional.ofNullable(request.after()).map((after) -> "{after}"))
				.build(uriVariables(request)))
			.headers((headers) -> headers.setBearerAuth(request.accessToken()))
			.exchangeToMono((response) -> read(response, request));
	}

	private Map<String, Object> uriVariables(PageRequest request) {
		Map<String, Object> variables = new java.util.HashMap<>();
		variables.put("version", this.properties.version());
		variables.put("businessId", request.businessId());
		variables.put("fields", FIELDS);
		variables.put("limit", this.properties.pageSize());
		if (request.after() != null) {
			variables.put("after", request.after());
		}
		return variables;
	}

	private Mono<FetchedPage> read(ClientResponse response, PageRequest request) {
		if (response.statusCode().isError()) {
			return response.bodyToMono(String.class)
				.defaultIfEmpty("")
				.flatMap((body) -> Mono.error(new GraphApiException(error(response.statusCode(), body))));
		}
		return response.bodyToMono(PreverifiedNumbersResponse.class)
			.switchIfEmpty(Mono.error(() -> new GraphApiException(new GraphApiError(response.statusCode().value(), null,
					null, null, "Graph API answered with an empty body", null, false))))
			.map((body) -> toPage(body, request));
	}

	private FetchedPage toPage(PreverifiedNumbersResponse body, PageRequest request) {
		List<FetchedNumber> numbers = new ArrayList<>(body.data().size());
		int skipped = 0;
		for (JsonNode node : body.data()) {
			Optional<FetchedNumber> number = NumberRecordReader.read(node);
			if (number.isPresent()) {
				numbers.add(number.get());
			}
			else {
				skipped++;
			}
		}
		NumbersPage page = new NumbersPage(numbers, skipped, this.properties.pageSize());
		return new FetchedPage(page, nextRequest(body, request));
	}

	private Optional<PageRequest> nextRequest(PreverifiedNumbersResponse body, PageRequest request) {
		PreverifiedNumbersResponse.Paging paging = body.paging();
		// the last page often carries an `after` cursor too: only `next` says there is
		// more
		if (paging == null || paging.next() == null || paging.next().isBlank()) {
			return Optional.empty();
		}
		String after = (paging.cursors() != null) ? paging.cursors().after() : null;
		if (after == null || after.isBlank() || Objects.equals(after, request.after())) {
			throw new GraphApiException(new GraphApiError(200, null, null, null,
					"Graph API paging did not advance after page " + request.number(), null, false));
		}
		if (request.number() >= MAX_PAGES) {
			throw new GraphApiException(new GraphApiError(200, null, null, null,
					"Graph API kept returning pages past " + MAX_PAGES + " pages", null, false));
		}
		return Optional.of(new PageRequest(request.businessId(), request.accessToken(), after, request.number() + 1));
	}

	private GraphApiError error(HttpStatusCode status, String body) {
		try {
			GraphApiErrorResponse.Error error = this.jsonMapper.readValue(body, GraphApiErrorResponse.class).error();
			if (error != null && error.message() != null) {
				return new GraphApiError(status.value(), error.code(), error.subcode(), error.type(), error.message(),
						error.fbtraceId(), Boolean.TRUE.equals(error.isTransient()));
			}
		}
		catch (JacksonException ex) {
			// not a Graph API error body, such as a proxy's HTML error page
		}
		return new GraphApiError(status.value(), null, null, null,
				"Graph API answered HTTP " + status.value() + " without a Graph API error body", null, false);
	}

	private record PageRequest(String businessId, String accessToken, String after, int number) {

		@Override
		public String toString() {
			return "PageRequest[businessId=%s, page=%d]".formatted(this.businessId, this.number);
		}

	}

	private record FetchedPage(NumbersPage page, Optional<PageRequest> next) {

	}

}
