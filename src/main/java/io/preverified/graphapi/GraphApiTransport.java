package io.preverified.graphapi;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.codec.CodecException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The one way to the Graph API. It builds every request (the version in the path, the
 * token only in the {@code Authorization} header, {@code appsecret_proof}, parameters in
 * the query or, for a POST, as a form), reads every answer (upstream's error bodies, a
 * 2xx that is not JSON or carries an {@code error}), feeds the usage headers to the
 * business's throttle, counts each request in {@code preverified.graph-api.requests}, and
 * retries under the business's {@link BusinessGuard} as the call's {@link CallPolicy}
 * says.
 * <p>
 * What a failure means follows from the method: a GET never acts, so an answer it could
 * not read or never got is worth another try; a write after which no answer was read may
 * have acted, and is reported as failed, never sent again.
 */
final class GraphApiTransport {

	/**
	 * The largest answer read; a larger page halves the page size.
	 */
	static final int MAX_ANSWER_BYTES = 16 * 1024 * 1024;

	/** Upstream's "the access token is not valid". */
	static final int INVALID_TOKEN = 190;

	private final WebClient webClient;

	private final GraphApiProperties properties;

	private final JsonMapper jsonMapper;

	private final BusinessGuardRegistry guards;

	private final MeterRegistry meters;

	private final ApplicationEventPublisher events;

	private final ObservationRegistry observations;

	GraphApiTransport(WebClient webClient, GraphApiProperties properties, JsonMapper jsonMapper,
			BusinessGuardRegistry guards, MeterRegistry meters, ApplicationEventPublisher events,
			ObservationRegistry observations) {
		this.webClient = webClient;
		this.properties = properties;
		this.jsonMapper = jsonMapper;
		this.guards = guards;
		this.meters = meters;
		this.events = events;
		this.observations = observations;
	}

	/**
	 * Makes a call, retried as its policy says. Its span is a child of the span the
	 * caller subscribes in (a run's), and parent of each attempt's HTTP request; retries
	 * and throttle waits are its events.
	 * @param call the call
	 * @return upstream's answer, or a {@link GraphApiException} that says what went wrong
	 * and after how many attempts
	 */
	Mono<JsonNode> call(GraphApiCall call) {
		BusinessGuard guard = this.guards.forBusiness(call.businessId());
		return Mono.deferContextual((context) -> {
			Observation observation = Observation.createNotStarted("preverified.graph-api.call", this.observations)
				.contextualName("graph-api " + call.method().name() + " " + call.edgeName())
				.lowCardinalityKeyValue("business_id", call.businessId())
				.lowCardinalityKeyValue("edge", call.edgeName())
				.parentObservation(context.getOrDefault(ObservationThreadLocalAccessor.KEY, null))
				.start();
			return guard.call(call.policy(), () -> exchange(call, guard.throttle()), observation)
				.doOnError((ex) -> observation.lowCardinalityKeyValue("outcome", GraphApiErrorClassifier.outcome(ex)))
				.doOnSuccess((body) -> observation.lowCardinalityKeyValue("outcome", "success"))
				.doFinally((signal) -> observation.stop())
				.contextWrite((inner) -> inner.put(ObservationThreadLocalAccessor.KEY, observation));
		});
	}

	BusinessGuard guard(String businessId) {
		return this.guards.forBusiness(businessId);
	}

	private Mono<JsonNode> exchange(GraphApiCall call, Throttle throttle) {
		Timer.Sample sample = Timer.start(this.meters);
		Map<String, String> parameters = new LinkedHashMap<>(call.parameters());
		String secret = this.properties.appSecret();
		if (secret != null && !secret.isBlank()) {
			parameters.put("appsecret_proof", AppSecretProof.of(call.accessToken(), secret));
		}
		boolean write = call.method() != HttpMethod.GET;
		// a GET or DELETE has no body: its parameters go in the query, as URI variables
		// that the builder encodes
		boolean form = call.method() == HttpMethod.POST;
		Map<String, Object> variables = new HashMap<>();
		variables.put("version", this.properties.version());
		variables.put("id", call.id());
		WebClient.RequestBodySpec request = this.webClient.method(call.method()).uri((uri) -> {
			uri.path("/{version}/{id}" + call.edge());
			if (!form) {
				parameters.forEach((name, value) -> {
					uri.queryParam(name, "{q_" + name + "}");
					variables.put("q_" + name, value);
				});
			}
			return uri.build(variables);
		}).headers((headers) -> headers.setBearerAuth(call.accessToken()));
		WebClient.RequestHeadersSpec<?> withBody = (form) ? request.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(BodyInserters.fromFormData(form(parameters))) : request;
		return withBody.exchangeToMono((response) -> {
			Usage
				.of(response.headers().asHttpHeaders().getFirst("X-Business-Use-Case-Usage"),
						response.headers().asHttpHeaders().getFirst("X-App-Usage"), this.jsonMapper)
				.ifPresent(throttle::record);
			return read(response, write);
		})
			.onErrorMap(GraphApiErrorReader::isTransportFailure, (ex) -> GraphApiErrorReader.unanswered(ex, write))
			.onErrorMap(DataBufferLimitException.class, (ex) -> GraphApiException.pageTooLarge(MAX_ANSWER_BYTES, ex))
			.onErrorMap(CodecException.class,
					(ex) -> new GraphApiException(new GraphApiError(200, null, null, null,
							"Graph API answered with a body that could not be read", null, !write), ex))
			.doOnSuccess((body) -> {
				record(sample, call, "success");
				if (call.policy().answersForTheToken()) {
					this.events.publishEvent(new TokenAnswered(call.businessId(), true, null));
				}
			})
			.doOnError((ex) -> {
				record(sample, call, GraphApiErrorClassifier.outcome(ex));
				if (call.policy().answersForTheToken() && ex instanceof GraphApiException failure
						&& failure.getError().code() != null && failure.getError().code() == INVALID_TOKEN) {
					this.events.publishEvent(new TokenAnswered(call.businessId(), false, failure.getError().message()));
				}
			});
	}

	// bytes: a decoder that logs what it decodes would log upstream's next links, which
	// carry the access token
	private Mono<JsonNode> read(ClientResponse response, boolean write) {
		int status = response.statusCode().value();
		return response.bodyToMono(byte[].class).defaultIfEmpty(new byte[0]).flatMap((body) -> {
			if (response.statusCode().isError()) {
				return Mono.error(new GraphApiException(GraphApiErrorReader.error(this.jsonMapper,
						this.properties.version(), status, new String(body, StandardCharsets.UTF_8))));
			}
			JsonNode node;
			try {
				node = (body.length > 0) ? this.jsonMapper.readTree(body) : null;
			}
			catch (JacksonException ex) {
				node = null;
			}
			if (node == null || !node.isObject()) {
				// a 2xx says a write was acted on: it is never sent again
				return Mono.error(new GraphApiException(new GraphApiError(
						status, null, null, null, "Graph API answered HTTP " + status
								+ " with a body that is not a JSON object" + (write ? "; upstream may have acted" : ""),
						null, !write)));
			}
			if (node.path("error").isObject()) {
				return Mono.error(new GraphApiException(GraphApiErrorReader.error(this.jsonMapper,
						this.properties.version(), status, node.toString())));
			}
			return Mono.just(node);
		});
	}

	private static MultiValueMap<String, String> form(Map<String, String> parameters) {
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		parameters.forEach(form::add);
		return form;
	}

	private void record(Timer.Sample sample, GraphApiCall call, String outcome) {
		sample.stop(Timer.builder("preverified.graph-api.requests")
			.description("Requests to the Graph API")
			.tag("business_id", call.businessId())
			.tag("outcome", outcome)
			.register(this.meters));
	}

}
