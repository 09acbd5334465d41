package io.preverified.renewal;

import java.net.URI;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.preverified.web.ApiProblem;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * {@code POST /webhooks/twilio/sms}: Twilio's request for each SMS a number receives ("A
 * message comes in"). A request is taken only when Twilio signed it with the auth token,
 * and answered with an empty TwiML response: the service never replies by SMS. Without
 * {@code preverified.inbound.twilio-auth-token} the endpoint is off ({@code 404}).
 */
@RestController
class TwilioSmsController {

	static final String EMPTY_TWIML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>";

	private final InboundProperties properties;

	private final InboundCodeVerifier verifier;

	TwilioSmsController(InboundProperties properties, InboundCodeVerifier verifier) {
		this.properties = properties;
		this.verifier = verifier;
	}

	@PostMapping("/webhooks/twilio/sms")
	ResponseEntity<?> receive(HttpServletRequest request,
			@RequestHeader(name = "X-Twilio-Signature", required = false) String signature) {
		if (!this.properties.twilioEnabled()) {
			return ApiProblem.response(HttpStatus.NOT_FOUND,
					"Twilio's SMS webhook is off: preverified.inbound.twilio-auth-token is not set");
		}
		Map<String, List<String>> fields = postFields(request);
		if (!TwilioSignature.signed(this.properties.twilioAuthToken(), signedUrl(request), fields, signature)) {
			return ApiProblem.response(HttpStatus.FORBIDDEN, "X-Twilio-Signature is missing or is not the auth token's "
					+ "signature of this request (behind a proxy, set preverified.inbound.public-url)");
		}
		String to = first(fields, "To");
		if (to == null || to.isBlank()) {
			return ApiProblem.response(HttpStatus.BAD_REQUEST, "The form field To is required");
		}
		this.verifier.receive(first(fields, "MessageSid"), "TWILIO", to, first(fields, "From"),
				(first(fields, "Body") != null) ? first(fields, "Body") : "");
		return ResponseEntity.ok().contentType(MediaType.TEXT_XML).body(EMPTY_TWIML);
	}

	// the URL Twilio called, as it signed it
	private String signedUrl(HttpServletRequest request) {
		URI publicUrl = this.properties.publicUrl();
		if (publicUrl != null) {
			return publicUrl.toString();
		}
		String query = request.getQueryString();
		return request.getRequestURL() + ((query != null) ? "?" + query : "");
	}

	// the form's fields, without those of the query string (which the URL carries)
	private static Map<String, List<String>> postFields(HttpServletRequest request) {
		Set<String> inQuery = (request.getQueryString() != null)
				? UriComponentsBuilder.fromUriString("?" + request.getQueryString()).build().getQueryParams().keySet()
				: Set.of();
		Map<String, List<String>> fields = new LinkedHashMap<>();
		request.getParameterMap().forEach((name, values) -> {
			if (!inQuery.contains(name)) {
				fields.put(name, Arrays.asList(values));
			}
		});
		return fields;
	}

	private static String first(Map<String, List<String>> fields, String name) {
		List<String> values = fields.get(name);
		return (values != null && !values.isEmpty()) ? values.get(0) : null;
	}

}
