package io.preverified.graphapi;

import java.net.ConnectException;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;

import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;

/**
 * The Graph API's calls on single numbers: ask for and verify a code, read a number, add
 * one to a business's pool, delete one. Parameters go as a form body, never in a URL. A
 * call is retried only when upstream surely did not act on it: the connection was
 * refused, or upstream answered with a throttling or transient error. After a timeout or
 * a cut connection it fails, so that no retry sends a second code.
 */
public class GraphApiNumberClient {

	private final WebClient webClient;

	private final GraphApiProperties properties;

	private final JsonMapper jsonMapper;

	private final PauseScheduler pauses;

	GraphApiNumberClient(WebClient webClient, GraphApiProperties properties, JsonMapper jsonMapper,
			PauseScheduler pauses) {
		this.webClient = webClient;
		this.properties = properties;
		this.jsonMapper = jsonMapper;
		this.pauses = pauses;
	}

	/**
	 * Asks upstream to send a verification code to a number.
	 * @param numberId the number
	 * @param accessToken the token of its business
	 * @param codeMethod {@code SMS} or {@code VOICE}
	 * @param language the language of the message, such as {@code en_US}
	 * @return completes when upstream accepted
	 */
	public Mono<Void> requestCode(String numberId, String accessToken, String codeMethod, String language) {
		return call(HttpMethod.POST, "/{version}/{id}/request_code", numberId, accessToken,
				Map.of("code_method", codeMethod, "language", language), (body) -> null)
			.then();
	}

	/**
	 * Sends a number's verification code upstream.
	 * @param numberId the number
	 * @param accessToken the token of its business
	 * @param code the code
	 * @return completes when upstream accepted it
	 */
	public Mono<Void> verifyCode(String numberId, String accessToken, String code) {
		return call(HttpMethod.POST, "/{version}/{id}/verify_code", numberId, accessToken, Map.of("code", code),
				(body) -> null)
			.then();
	}

	/**
	 * Reads one number as upstream has it now.
	 * @param numberId the number
	 * @param accessToken the token of its business
	 * @return the number
	 */
	public Mono<FetchedNumber> number(String numberId, String accessToken) {
		return call(HttpMethod.GET, "/{version}/{id}", numberId, accessToken, Map.of("fields", GraphApiClient.FIELDS),
				(body) -> NumberRecordReader.read(body)
					.orElseThrow(() -> new GraphApiException(new GraphApiError(200, null, null, null,
							"Graph API answered with a number without id", null, false))));
	}

	/**
	 * Adds a phone number to a business's pool.
	 * @param businessId the business
	 * @param accessToken its token
	 * @param phoneNumber the phone number
	 * @return the id upstream gave the new number
	 */
	public Mono<String> addPhoneNumber(String businessId, String accessToken, String phoneNumber) {
		return call(HttpMethod.POST, "/{version}/{id}/add_phone_numbers", businessId, accessToken,
				Map.of("phone_number", phoneNumber), (body) -> body.path("id").asString(null))
			.filter(NumberRecordReader::isValidId)
			.switchIfEmpty(Mono.error(() -> new GraphApiException(new GraphApiError(200, null, null, null,
					"Graph API answered without a valid id of the new number", null, false))));
	}

	/**
	 * Deletes a number from its business's pool.
	 * @param numberId the number
	 * @param accessToken the token of its business
	 * @return completes when upstream deleted it
	 */
	public Mono<Void> delete(String numberId, String accessToken) {
		return call(HttpMethod.DELETE, "/{version}/{id}", numberId, accessToken, Map.of(), (body) -> null).then();
	}

	private <T> Mono<T> call(HttpMethod method, String path, String id, String accessToken,
			Map<String, String> parameters, Function<JsonNode, T> result) {
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		parameters.forEach(form::add);
		String secret = this.properties.appSecret();
		if (secret != null && !secret.isBlank()) {
			form.add("appsecret_proof", AppSecretProof.of(accessToken, secret));
		}
		// a GET or DELETE has no body: its parameters go in the query
		boolean inBody = method == HttpMethod.POST;
		Mono<T> attempt = Mono.defer(() -> {
			WebClient.RequestBodySpec request = this.webClient.method(method)
				.uri((uri) -> uri.path(path)
					.queryParams(inBody ? new LinkedMultiValueMap<>() : form)
					.build(this.properties.version(), id))
				.headers((headers) -> headers.setBearerAuth(accessToken));
			WebClient.RequestHeadersSpec<?> withBody = (!inBody || form.isEmpty()) ? request
					: request.contentType(MediaType.APPLICATION_FORM_URLENCODED).body(BodyInserters.fromFormData(form));
			return withBody.exchangeToMono((response) -> read(response, result))
				.onErrorMap(GraphApiErrorReader::isTransportFailure,
						(ex) -> notSent(ex) ? GraphApiErrorReader.unreachable(ex)
								: new GraphApiException(new GraphApiError(0, null, null, null,
										"No answer from the Graph API (" + describe(ex)
												+ "); upstream may have acted, so the call is not retried",
										null, false), ex));
		});
		return retried(attempt, 1);
	}

	private <T> Mono<T> read(ClientResponse response, Function<JsonNode, T> result) {
		int status = response.statusCode().value();
		return response.bodyToMono(byte[].class).defaultIfEmpty(new byte[0]).flatMap((body) -> {
			if (response.statusCode().isError()) {
				return Mono.error(new GraphApiException(GraphApiErrorReader.error(this.jsonMapper,
						this.properties.version(), status, new String(body, java.nio.charset.StandardCharsets.UTF_8))));
			}
			JsonNode node;
			try {
				node = this.jsonMapper.readTree(body);
			}
			catch (JacksonException ex) {
				// a 2xx says upstream acted: never retried
				return Mono.error(new GraphApiException(new GraphApiError(status, null, null, null,
						"Graph API answered HTTP " + status + " with a body that is not JSON; upstream may have acted",
						null, false)));
			}
			if (node.path("error").isObject()) {
				return Mono.error(new GraphApiException(GraphApiErrorReader.error(this.jsonMapper,
						this.properties.version(), status, node.toString())));
			}
			return Mono.justOrEmpty(result.apply(node));
		});
	}

	private <T> Mono<T> retried(Mono<T> attempt, int number) {
		return attempt.onErrorResume((ex) -> isSafeToRetry(ex) && number < this.properties.retry().maxAttempts(),
				(ex) -> this.pauses.pause(backoff(number)).then(retried(attempt, number + 1)));
	}

	private Duration backoff(int attempt) {
		Duration doubled = this.properties.retry().initialBackoff().multipliedBy(1L << Math.min(attempt - 1, 20));
		return (doubled.compareTo(this.properties.retry().maxBackoff()) < 0) ? doubled
				: this.properties.retry().maxBackoff();
	}

	// upstream answered with an error that says it did nothing, or the request never left
	private static boolean isSafeToRetry(Throwable ex) {
		if (!(ex instanceof GraphApiException graphApiException)) {
			return false;
		}
		GraphApiError error = graphApiException.getError();
		if (error.httpStatus() == 0) {
			return error.isTransient();
		}
		return error.code() != null && (error.isTransient() || GraphApiErrorClassifier.isThrottling(error)
				|| error.code() == 1 || error.code() == 2);
	}

	private static boolean notSent(Throwable ex) {
		return ex instanceof WebClientRequestException && ex.getCause() instanceof ConnectException;
	}

	private static String describe(Throwable ex) {
		Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
		return (cause.getMessage() != null) ? cause.getMessage() : cause.getClass().getSimpleName();
	}

}
