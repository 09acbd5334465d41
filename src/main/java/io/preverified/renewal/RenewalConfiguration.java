package io.preverified.renewal;

import io.preverified.alerts.ReverifyWindow;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

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

}
