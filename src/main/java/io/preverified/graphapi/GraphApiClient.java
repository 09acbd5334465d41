package io.preverified.graphapi;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.preverified.graphapi.payload.PreverifiedNumbersResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.codec.CodecException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;

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

	/**
	 * The largest page body read; a larger page halves the page size.
	 */
	static final int MAX_PAGE_BYTES = 16 * 1024 * 1024;

	private final WebClient webClient;

	private final GraphApiProperties properties;

	private final JsonMapper jsonMapper;

	private final BusinessGuardRegistry guards;

	private final MeterRegistry meters;

	GraphApiClient(WebClient webClient, GraphApiProperties properties, JsonMapper jsonMapper,
			BusinessGuardRegistry guards, MeterRegistry meters) {
		this.webClient = webClient;
		this.properties = properties;
		this.jsonMapper = jsonMapper;
		this.guards = guards;
		this.meters = meters;
	}

	/**
	 * Streams every page of a business's pre-verified numbers. The stream fails with a
	 * {@link GraphApiException} when upstream answers with an error that retries did not
	 * overcome, when the business's circuit is open, or when upstream's paging does not
	 * advance.
	 * @param businessId the business
	 * @param accessToken its token, sent only in the {@code Authorization} header
	 * @return the pages, in upstream order
	 */
	public Flux<NumbersPage> fetchNumbers(String businessId, String accessToken) {
		return fetchNumbers(businessId, accessToken, PauseListener.NONE);
	}

	/**
	 * Streams every page of a business's pre-verified numbers, telling a listener before
	 * each pause between attempts or while upstream throttles the business.
	 * @param businessId the business
	 * @param accessToken its token, sent only in the {@code Authorization} header
	 * @param pauses told before each pause
	 * @return the pages, in upstream order
	 * @see #fetchNumbers(String, String)
	 */
	public Flux<NumbersPage> fetchNumbers(String businessId, String accessToken, PauseListener pauses) {
		BusinessGuard guard = this.guards.forBusiness(businessId);
		String proof = (this.properties.appSecret() != null && !this.properties.appSecret().isBlank())
				? AppSecretProof.of(accessToken, this.properties.appSecret()) : null;
		PageRequest first = new PageRequest(businessId, accessToken, proof, null, 1, this.properties.pageSize(),
				new HashSet<>());
		return fetch(first, guard)
			.expand((fetched) -> fetched.next().map((next) -> fetch(next, guard)).orElse(Mono.empty()))
			.map(FetchedPage::page)
			.contextWrite(Context.of(PauseListener.class, pauses));
	}

	/**
	 * Tells whether calls for a business are suspended after repeated failures.
	 * @param businessId the business
	 * @return the state of its circuit breaker: {@code CLOSED}, {@code OPEN},
	 * {@code HALF_OPEN}, ...
	 */
	public String circuitState(String businessId) {
		return this.guards.forBusiness(businessId).circuitState().name();
	}

	private Mono<FetchedPage> fetch(PageRequest request, BusinessGuard guard) {
		return guard.call(() -> exchange(request, guard.throttle()))
			.map((body) -> toPage(body, request))
			// "please reduce the amount of data": ask again for half as many, for the
			// rest of the run
			.onErrorResume((ex) -> GraphApiErrorClassifier.isReduceData(ex) && request.limit() > 1, (ex) -> {
				logger.warn("{}; asking for page {} of business {} again with limit {}", ex.getMessage(),
						request.number(), request.businessId(), request.limit() / 2);
				return fetch(request.withLimit(request.limit() / 2), guard);
			});
	}

	private Mono<PreverifiedNumbersResponse> exchange(PageRequest request, Throttle throttle) {
		Timer.Sample sample = Timer.start(this.meters);
		return this.webClient.get()
			.uri((uri) -> uri.path("/{version}/{businessId}/preverified_numbers")
				.queryParam("fields", "{fields}")
				.queryParam("limit", "{limit}")
				.queryParamIfPresent("after", Optional.ofNullable(request.after()).map((after) -> "{after}"))
				.queryParamIfPresent("appsecret_proof",
						Optional.ofNullable(request.appSecretProof()).map((proof) -> "{proof}"))
				.build(uriVariables(request)))
			.headers((headers) -> headers.setBearerAuth(request.accessToken()))
			.exchangeToMono((response) -> {
				Usage
					.of(response.headers().asHttpHeaders().getFirst("X-Business-Use-Case-Usage"),
							response.headers().asHttpHeaders().getFirst("X-App-Usage"), this.jsonMapper)
					.ifPresent(throttle::record);
				return read(response);
			})
			.onErrorMap(GraphApiErrorReader::isTransportFailure, GraphApiErrorReader::unreachable)
			.onErrorMap(DataBufferLimitException.class, (ex) -> GraphApiException.pageTooLarge(MAX_PAGE_BYTES, ex))
			.onErrorMap(CodecException.class, (ex) -> unreadable(ex))
			.doOnSuccess((body) -> record(sample, request, "success"))
			.doOnError((ex) -> record(sample, request, outcome(ex)));
	}

	private Map<String, Object> uriVariables(PageRequest request) {
		Map<String, Object> variables = new HashMap<>();
		variables.put("version", this.properties.version());
		variables.put("businessId", request.businessId());
		variables.put("fields", FIELDS);
		variables.put("limit", request.limit());
		variables.put("after", request.after());
		variables.put("proof", request.appSecretProof());
		return variables;
	}

	private Mono<PreverifiedNumbersResponse> read(ClientResponse response) {
		if (response.statusCode().isError()) {
			return response.bodyToMono(String.class)
				.defaultIfEmpty("")
				.flatMap((body) -> Mono.error(new GraphApiException(GraphApiErrorReader.error(this.jsonMapper,
						this.properties.version(), response.statusCode().value(), body))));
		}
		int status = response.statusCode().value();
		// bytes: a decoder that logs what it decodes would log upstream's next links,
		// which carry the access token
		return response.bodyToMono(byte[].class)
			.switchIfEmpty(Mono.error(() -> new GraphApiException(
					new GraphApiError(status, null, null, null, "Graph API answered with an empty body", null, true))))
			.map((body) -> page(response.statusCode(), body));
	}

	// a success status does not make a page: an error object or a body without a data
	// list must never be taken for an empty inventory
	private PreverifiedNumbersResponse page(HttpStatusCode status, byte[] content) {
		JsonNode body;
		try {
			body = this.jsonMapper.readTree(content);
		}
		catch (JacksonException ex) {
			throw new GraphApiException(new GraphApiError(status.value(), null, null, null,
					"Graph API answered HTTP " + status.value() + " with a body that is not JSON", null, true));
		}
		if (body.path("error").isObject()) {
			throw new GraphApiException(GraphApiErrorReader.error(this.jsonMapper, this.properties.version(),
					status.value(), body.toString()));
		}
		if (!body.path("data").isArray()) {
			throw new GraphApiException(new GraphApiError(status.value(), null, null, null, "Graph API answered HTTP "
					+ status.value() + " with a body that is not a page of numbers " + "(no data list)", null, true));
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

	private static GraphApiException unreadable(CodecException ex) {
		return new GraphApiException(new GraphApiError(200, null, null, null,
				"Graph API answered with a body that could not be read", null, true), ex);
	}

	private void record(Timer.Sample sample, PageRequest request, String outcome) {
		sample.stop(Timer.builder("preverified.graph-api.requests")
			.description("Requests to the Graph API")
			.tag("business_id", request.businessId())
			.tag("outcome", outcome)
			.register(this.meters));
	}

	private static String outcome(Throwable ex) {
		if (!(ex instanceof GraphApiException graphApiException)) {
			return "error";
		}
		GraphApiError error = graphApiException.getError();
		if (error.httpStatus() == 0) {
			return "unreachable";
		}
		if (GraphApiErrorClassifier.isThrottling(error)) {
			return "throttled";
		}
		return GraphApiErrorClassifier.isRetryable(ex) ? "transient_error" : "error";
	}

	private record FetchedPage(NumbersPage page, Optional<PageRequest> next) {

	}

}
