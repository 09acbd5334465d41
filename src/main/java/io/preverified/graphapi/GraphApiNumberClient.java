package io.preverified.graphapi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpMethod;

/**
 * The Graph API's calls on single numbers: ask for and verify a code, read a number, add
 * one to a business's pool, delete one. They go through the one
 * {@link GraphApiTransport}: writes are retried only when upstream surely did not act
 * ({@link CallPolicy#WRITE}), so that no retry sends a second code; reads like every
 * read.
 */
public class GraphApiNumberClient {

	private static final int WABA_NUMBERS = 100;

	private final GraphApiTransport transport;

	GraphApiNumberClient(GraphApiTransport transport) {
		this.transport = transport;
	}

	/**
	 * Asks upstream to send a verification code to a number.
	 * @param businessId the number's business
	 * @param numberId the number
	 * @param accessToken the token of its business
	 * @param codeMethod {@code SMS} or {@code VOICE}
	 * @param language the language of the message, such as {@code en_US}
	 * @return completes when upstream accepted
	 */
	public Mono<Void> requestCode(String businessId, String numberId, String accessToken, String codeMethod,
			String language) {
		return this.transport.call(GraphApiCall.write(businessId, HttpMethod.POST, numberId, "/request_code",
				Map.of("code_method", codeMethod, "language", language), accessToken))
			.then();
	}

	/**
	 * Sends a number's verification code upstream.
	 * @param businessId the number's business
	 * @param numberId the number
	 * @param accessToken the token of its business
	 * @param code the code
	 * @return completes when upstream accepted it
	 */
	public Mono<Void> verifyCode(String businessId, String numberId, String accessToken, String code) {
		return this.transport
			.call(GraphApiCall.write(businessId, HttpMethod.POST, numberId, "/verify_code", Map.of("code", code),
					accessToken))
			.then();
	}

	/**
	 * Reads one number as upstream has it now.
	 * @param businessId the number's business
	 * @param numberId the number
	 * @param accessToken the token of its business
	 * @return the number
	 */
	public Mono<FetchedNumber> number(String businessId, String numberId, String accessToken) {
		return this.transport
			.call(GraphApiCall.read(businessId, numberId, "", Map.of("fields", GraphApiClient.FIELDS), accessToken))
			.map((body) -> NumberRecordReader.read(body)
				.orElseThrow(() -> new GraphApiException(new GraphApiError(200, null, null, null,
						"Graph API answered with a number without a valid id", null, false))));
	}

	/**
	 * Reads the display phone number of a phone number id, such as the one Embedded
	 * Signup's FINISH message names.
	 * @param businessId the business whose token reads it
	 * @param phoneNumberId the phone number id
	 * @param accessToken the business's token
	 * @return the number in display format
	 */
	public Mono<String> displayPhoneNumber(String businessId, String phoneNumberId, String accessToken) {
		return this.transport
			.call(GraphApiCall.read(businessId, phoneNumberId, "", Map.of("fields", "display_phone_number"),
					accessToken))
			.map((body) -> UpstreamText.bounded(body.path("display_phone_number").asString(""), UpstreamText.SHORT))
			.filter((number) -> !number.isBlank())
			.switchIfEmpty(Mono.error(() -> new GraphApiException(new GraphApiError(200, null, null, null,
					"Graph API answered without the display_phone_number of " + phoneNumberId, null, false))));
	}

	/**
	 * Lists the phone numbers of a customer's WABA (the first {@value #WABA_NUMBERS}: a
	 * WABA that has just finished Embedded Signup holds a few).
	 * @param businessId the business whose token reads it
	 * @param wabaId the WABA
	 * @param accessToken the business's token
	 * @return its phone numbers
	 */
	public Mono<List<WabaPhoneNumber>> wabaPhoneNumbers(String businessId, String wabaId, String accessToken) {
		return this.transport
			.call(GraphApiCall.read(businessId, wabaId, "/phone_numbers",
					Map.of("fields", "id,display_phone_number", "limit", Integer.toString(WABA_NUMBERS)), accessToken))
			.map((body) -> {
				List<WabaPhoneNumber> numbers = new ArrayList<>();
				for (JsonNode number : body.path("data")) {
					String id = number.path("id").asString("");
					if (NumberRecordReader.isValidId(id)) {
						numbers.add(new WabaPhoneNumber(id, UpstreamText
							.bounded(number.path("display_phone_number").asString(""), UpstreamText.SHORT)));
					}
				}
				return numbers;
			});
	}

	/**
	 * Adds a phone number to a business's pool.
	 * @param businessId the business
	 * @param accessToken its token
	 * @param phoneNumber the phone number
	 * @return the id upstream gave the new number
	 */
	public Mono<String> addPhoneNumber(String businessId, String accessToken, String phoneNumber) {
		return this.transport
			.call(GraphApiCall.write(businessId, HttpMethod.POST, businessId, "/add_phone_numbers",
					Map.of("phone_number", phoneNumber), accessToken))
			.map((body) -> body.path("id").asString(""))
			.filter(NumberRecordReader::isValidId)
			.switchIfEmpty(Mono.error(() -> new GraphApiException(new GraphApiError(200, null, null, null,
					"Graph API answered without a valid id of the new number", null, false))));
	}

	/**
	 * Deletes a number from its business's pool.
	 * @param businessId the number's business
	 * @param numberId the number
	 * @param accessToken the token of its business
	 * @return completes when upstream deleted it
	 */
	public Mono<Void> delete(String businessId, String numberId, String accessToken) {
		return this.transport
			.call(GraphApiCall.write(businessId, HttpMethod.DELETE, numberId, "", Map.of(), accessToken))
			.then();
	}

}
