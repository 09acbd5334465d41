package io.preverified.renewal;

import io.preverified.alerts.ReverifyWindow;
import io.preverified.web.ApiParameters;
import io.preverified.web.ScopedPath;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Binds {@link RenewalProperties} and {@link InboundProperties}; a renewal may not start
 * before upstream allows one.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ RenewalProperties.class, InboundProperties.class })
class RenewalConfiguration {

	RenewalConfiguration(RenewalProperties renewal, ReverifyWindow reverifyWindow) {
		if (renewal.startBefore().compareTo(reverifyWindow.duration()) > 0) {
			throw new IllegalStateException("preverified.renewal.start-before (" + renewal.startBefore()
					+ ") must not be longer than preverified.alerts.reverify-window (" + reverifyWindow.duration()
					+ "): upstream renews a verification only within it");
		}
	}

	// a key limited to some businesses reaches the messages of their numbers only
	@Bean
	ScopedPath inboundMessagesScope(JdbcClient jdbc) {
		return ScopedPath.of("/api/v1/inbound-messages/", jdbc, "select n.business_id from inbound_messages m "
				+ "join numbers n on n.id = m.number_id where m.id = cast(:id as bigint)");
	}

	@Bean
	ApiParameters renewalParameters() {
		return ApiParameters.of(
				ApiParameters.parameter("/api/v1/renewals", "state",
						"Only renewals in this state (REQUESTED, WAITING_FOR_CODE, RENEWED, FAILED)", "FAILED"),
				ApiParameters.parameter("/api/v1/inbound-messages", "id", "The message's id", "31"),
				ApiParameters.parameter("/api/v1/inbound-messages", "outcome",
						"Only messages that ended so (VERIFIED, NO_CODE, UNKNOWN_NUMBER, NO_PENDING_REQUEST, REFUSED)",
						"VERIFIED"),
				ApiParameters.parameter("/webhooks/twilio", "X-Twilio-Signature",
						"Base64 HMAC-SHA1, keyed with the Twilio auth token, of the URL and the form fields sorted "
								+ "by name",
						"0/KCTR6DLpKmkAf8muzZqo1nDgQ="));
	}

}
