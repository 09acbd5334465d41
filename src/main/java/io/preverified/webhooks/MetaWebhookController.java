package io.preverified.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;

import io.preverified.graphapi.MetaSignature;
import io.preverified.web.ApiProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /webhooks/meta}: Meta's subscription check, and its deliveries. A delivery is
 * kept only when Meta signed it, and is answered {@code 200} as soon as it is kept: Meta
 * sends slow or failed answers again, and the inbox takes the same delivery once. Without
 * {@code preverified.meta-webhooks.verify-token} the endpoint is off ({@code 404}).
 */
@RestController
class MetaWebhookController {

	private static final Logger logger = LoggerFactory.getLogger(MetaWebhookController.class);

	private final MetaWebhooksProperties properties;

	private final MetaSignature signature;

	private final MetaWebhookInbox inbox;

	private final Clock clock;

	MetaWebhookController(MetaWebhooksProperties properties, MetaSignature signature, MetaWebhookInbox inbox,
			Clock clock) {
		if (properties.enabled() && !signature.canCheck()) {
			throw new IllegalStateException("preverified.meta-webhooks.verify-token is set but "
					+ "preverified.graph-api.app-secret is not: Meta's deliveries could not be checked");
		}
		this.properties = properties;
		this.signature = signature;
		this.inbox = inbox;
		this.clock = clock;
	}

	@GetMapping("/webhooks/meta")
	ResponseEntity<?> subscribe(@RequestParam(name = "hub.mode", required = false) String mode,
			@RequestParam(name = "hub.verify_token", required = false) String verifyToken,
			@RequestParam(name = "hub.challenge", required = false) String challenge) {
		if (!this.properties.enabled()) {
			return off();
		}
		if (!"subscribe".equals(mode) || verifyToken == null || challenge == null
				|| !MessageDigest.isEqual(verifyToken.getBytes(StandardCharsets.UTF_8),
						this.properties.verifyToken().getBytes(StandardCharsets.UTF_8))) {
			return ApiProblem.response(HttpStatus.FORBIDDEN,
					"The subscription check needs hub.mode=subscribe, the configured "
							+ "hub.verify_token and a hub.challenge");
		}
		return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body(challenge);
	}

	@PostMapping("/webhooks/meta")
	ResponseEntity<?> deliver(@RequestBody(required = false) byte[] body,
			@RequestHeader(name = "X-Hub-Signature-256", required = false) String signature) {
		if (!this.properties.enabled()) {
			return off();
		}
		byte[] raw = (body != null) ? body : new byte[0];
		if (!this.signature.signed(raw, signature)) {
			return ApiProblem.response(HttpStatus.UNAUTHORIZED,
					"X-Hub-Signature-256 is missing or is not the app secret's signature of the body");
		}
		if (!this.inbox.add(raw, this.clock.instant())) {
			logger.debug("A Meta webhook delivery came again; it was kept before");
		}
		return ResponseEntity.ok().build();
	}

	private static ResponseEntity<ProblemDetail> off() {
		return ApiProblem.response(HttpStatus.NOT_FOUND,
				"Meta's webhooks are off: preverified.meta-webhooks.verify-token is not set");
	}

}
