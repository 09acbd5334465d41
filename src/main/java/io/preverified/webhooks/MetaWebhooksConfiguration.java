package io.preverified.webhooks;

import io.preverified.web.ApiParameters;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Binds {@link MetaWebhooksProperties}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MetaWebhooksProperties.class)
class MetaWebhooksConfiguration {

	@Bean
	ApiParameters metaWebhookParameters() {
		return ApiParameters.of(
				ApiParameters.parameter("/webhooks/meta", "hub.mode", "Meta's subscription check: subscribe",
						"subscribe"),
				ApiParameters.parameter("/webhooks/meta", "hub.verify_token",
						"Meta's subscription check: preverified.meta-webhooks.verify-token", ""),
				ApiParameters.parameter("/webhooks/meta", "hub.challenge",
						"Meta's subscription check: answered as the body", "1158201444"),
				ApiParameters.parameter("/webhooks/meta", "X-Hub-Signature-256",
						"sha256= and the hex HMAC-SHA256 of the raw body, keyed with the app secret", "sha256=..."));
	}

}
