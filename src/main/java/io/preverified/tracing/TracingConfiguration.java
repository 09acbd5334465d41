package io.preverified.tracing;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.ClientRequestObservationConvention;

/**
 * What the service's spans may show of the requests it makes.
 */
@Configuration(proxyBeanMethods = false)
class TracingConfiguration {

	@Bean
	ClientRequestObservationConvention outboundRequestConvention() {
		return new OutboundRequestConvention();
	}

}
