package io.preverified.webhooks;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Meta's webhooks, bound from {@code preverified.meta-webhooks}.
 *
 * @param verifyToken the token Meta's subscription check sends; set,
 * {@code /webhooks/meta} is on (deliveries are checked with
 * {@code preverified.graph-api.app-secret})
 */
@ConfigurationProperties("preverified.meta-webhooks")
record MetaWebhooksProperties(String verifyToken) {

	boolean enabled() {
		return this.verifyToken != null && !this.verifyToken.isBlank();
	}

	@Override
	public String toString() {
		return "MetaWebhooksProperties[verifyToken=%s]".formatted(enabled() ? "******" : null);
	}

}
