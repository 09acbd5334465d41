package io.preverified.graphapi.payload;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The {@code GraphAPIError} body of a failed call.
 *
 * @param error the error
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record GraphApiErrorResponse(Error error) {

	/**
	 * What went wrong, as upstream describes it.
	 *
	 * @param message human-readable message
	 * @param type error category
	 * @param code numeric error code
	 * @param subcode more specific code
	 * @param fbtraceId trace id for Meta's support
	 * @param isTransient whether a retry may succeed
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Error(String message, String type, Integer code, @JsonProperty("error_subcode") Integer subcode,
			@JsonProperty("fbtrace_id") String fbtraceId, @JsonProperty("is_transient") Boolean isTransient) {

	}

}
