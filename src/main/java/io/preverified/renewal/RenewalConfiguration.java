package io.preverified.renewal;

import io.preverified.alerts.ReverifyWindow;
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

}
