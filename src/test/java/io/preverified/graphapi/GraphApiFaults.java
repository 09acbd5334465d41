package io.preverified.graphapi;

import java.util.List;
import java.util.Map;

import mockwebserver3.MockResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * The answers with which tests make {@link FakeGraphApi} misbehave, through
 * {@link FakeGraphApi#intercept}: Graph API errors as Meta words them, throttling with
 * its usage headers, and any JSON body.
 */
public final class GraphApiFaults {

	private static final JsonMapper json = JsonMapper.builder().build();

	private GraphApiFaults() {
	}

	/**
	 * A {@code GraphAPIError} response.
	 * @param status HTTP status
	 * @param code error code
	 * @param type error type
	 * @param message error message
	 * @return the response
	 */
	public static MockResponse error(int status, int code, String type, String message) {
		return errorWith(status,
				Map.of("message", message, "type", type, "code", code, "fbtrace_id", "AbCdEfGhIjK" + code));
	}

	/**
	 * A {@code GraphAPIError} response with the given error fields.
	 * @param status HTTP status
	 * @param error the fields of {@code error}
	 * @return the response
	 */
	public static MockResponse errorWith(int status, Map<String, Object> error) {
		MockResponse.Builder response = new MockResponse.Builder(json(status, Map.of("error", error)));
		if (status == 401) {
			response.setHeader("WWW-Authenticate", "OAuth \"Facebook Platform\" \"invalid_token\"");
		}
		return response.build();
	}

	/**
	 * A throttling error with usage headers, as upstream sends when a business has made
	 * too many calls.
	 * @param code the throttling code, such as 80008
	 * @param regainAccessMinutes the {@code estimated_time_to_regain_access}
	 * @return the response
	 */
	public static MockResponse throttled(int code, int regainAccessMinutes) {
		return new MockResponse.Builder(errorWith(400,
				Map.of("message", "(#" + code + ") There have been too many calls for this WhatsApp Business account.",
						"type", "OAuthException", "code", code, "error_subcode", 2446079, "is_transient", true,
						"fbtrace_id", "AThrottle")))
			.setHeader("X-Business-Use-Case-Usage", usage(100, regainAccessMinutes))
			.build();
	}

	/**
	 * An {@code X-Business-Use-Case-Usage} header value.
	 * @param percent the usage reported
	 * @param regainAccessMinutes the {@code estimated_time_to_regain_access}
	 * @return the header value
	 */
	public static String usage(int percent, int regainAccessMinutes) {
		return json.writeValueAsString(
				Map.of("506914307656634", List.of(Map.of("type", "whatsapp_business_management", "call_count", percent,
						"total_cputime", 1, "total_time", 1, "estimated_time_to_regain_access", regainAccessMinutes))));
	}

	/**
	 * A JSON response.
	 * @param status HTTP status
	 * @param body what to serialize as its body
	 * @return the response
	 */
	public static MockResponse json(int status, Object body) {
		return new MockResponse.Builder().code(status)
			.setHeader("Content-Type", "application/json; charset=UTF-8")
			.body(json.writeValueAsString(body))
			.build();
	}

}
