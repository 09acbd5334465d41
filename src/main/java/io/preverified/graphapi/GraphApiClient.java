package io.preverified.graphapi;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.preverified.graphapi.payload.PreverifiedNumbersResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the pre-verified numbers of a business from the Graph API, page after page.
 * Callers see a stream of pages; URLs, cursors, retries and throttling stay in here. A
 * page is requested only when the previous one has been consumed, so memory does not grow
 * with the size of an inventory. Every page is asked for from the configured base URL
 * with its {@code after} cursor: upstream's {@code next} links carry the access token and
 * are never followed.
 */
public class GraphApiClient {

	private static final Logger logger = LoggerFactory.getLogger(GraphApiClient.class);

	static final String FIELDS = "id,phone_number,code_verification_status,code_verification_time,"
			+ "verification_expiry_time,owner_business";

	private final GraphApiTransport transport;

	private final GraphApiProperties properties;

	private final JsonMapper jsonMapper;

	GraphApiClient(GraphApiTransport transport, GraphApiProperties properties, JsonMapper jsonMapper) {
		this.transport = transport;
		this.properties = properties;
		this.jsonMapper = jsonMapper;
	}

	/**
	 * Streams every page of a business's pre-verified numbers, telling a listener before
	 * each pause between attempts or while upstream throttles the business. The stream
	 * fails with a {@link GraphApiException} when upstream answers with an error that
	 * retries did not overcome, when the business's circuit is open, or when upstream's
	 * paging does not advance.
	 * @param businessId the business
	 * @param accessToken its token, sent only in the {@code Authorization} header
	 * @param pauses told before each pause, {@link PauseListener#NONE} for none
	 * @return the pages, in upstream order
	 */
	public Flux<NumbersPage> fetchNumbers(String businessId, String accessToken, PauseListener pauses) {
		PageRequest first = new PageRequest(businessId, accessToken, null, 1, this.properties.pageSize(),
				new HashSet<>());
		return fetch(first).expand((fetched) -> fetched.next().map(this::fetch).orElse(Mono.empty()))
			.map(FetchedPage::page)
			.contextWrite(Context.of(PauseListener.class, pauses));
	}

	/**
	 * Tries a token with one call ({@code limit=1}), as a business's pool is read.
	 * @param businessId the business
	 * @param accessToken the token
	 * @return completes when upstream accepted the token, fails with a
	 * {@link GraphApiException} saying why when it did not
	 */
	public Mono<Void> tryToken(String businessId, String accessToken) {
		return this.transport
			.call(GraphApiCall.trial(businessId, businessId, "/preverified_numbers",
					Map.of("fields", "id", "limit", "1"), accessToken))
			.map(this::page)
			.then();
	}

	/**
	 * Tells whether calls for a business are suspended after repeated failures.
	 * @param businessId the business
	 * @return the state of its circuit breaker: {@code CLOSED}, {@code OPEN},
	 * {@code HALF_OPEN}, ...
	 */
	public String circuitState(String businessId) {
		return this.transport.guard(businessId).circuitState().name();
	}

	private Mono<FetchedPage> fetch(PageRequest request) {
		return this.transport.call(request.call())
			.map((body) -> toPage(page(body), request))
			// "please reduce the amount of data": ask again for half as many, for the
			// rest of the run
			.onErrorResume((ex) -> GraphApiErrorClassifier.isReduceData(ex) && request.limit() > 1, (ex) -> {
				logger.warn("{}; asking for page {} of business {} again with limit {}", ex.getMessage(),
						request.number(), request.businessId(), request.limit() / 2);
				return fetch(request.withLimit(request.limit() / 2));
			});
	}

	// a success status does not make a page: a body without a data list must never be
	// taken for an empty inventory
	private PreverifiedNumbersResponse page(JsonNode body) {
		if (!body.path("data").isArray()) {
			throw new GraphApiException(new GraphApiError(200, null, null, null,
					"Graph API answered with a body that is not a page of numbers (no data list)", null, true));
		}
		return this.jsonMapper.treeToValue(body, PreverifiedNumbersResponse.class);
	}

	private FetchedPage toPage(PreverifiedNumbersResponse body, PageRequest request) {
		List<FetchedNumber> numbers = new ArrayList<>(body.data().size());
		int skipped = 0;
		int malformedIds = 0;
		for (JsonNode node : body.data()) {
			Optional<FetchedNumber> number = NumberRecordReader.read(node);
			if (number.isPresent()) {
				numbers.add(number.get());
			}
			else {
				skipped++;
				malformedIds += NumberRecordReader.hasId(node) ? 1 : 0;
			}
		}
		NumbersPage page = new NumbersPage(numbers, skipped, malformedIds, request.limit());
		return new FetchedPage(page, request.following(body.paging()));
	}

	private record FetchedPage(NumbersPage page, Optional<PageRequest> next) {

	}

}
