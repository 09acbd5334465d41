package io.preverified.graphapi;

import java.time.Clock;
import java.util.Set;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.netty.channel.ChannelOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.netty.http.client.HttpClient;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Builds the one {@link GraphApiTransport} from {@link GraphApiProperties}, and the
 * clients on it.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GraphApiProperties.class)
class GraphApiConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(GraphApiConfiguration.class);

	private static final Set<String> KNOWN_VERSIONS = Set.of("v23.0", "v24.0", "v25.0");

	@Bean
	GraphApiTransport graphApiTransport(WebClient.Builder builder, GraphApiProperties properties, JsonMapper jsonMapper,
			ObjectProvider<BuildProperties> buildProperties, RetryRegistry retries,
			CircuitBreakerRegistry circuitBreakers, MeterRegistry meters, ObjectProvider<PauseScheduler> pauses,
			Clock clock, ApplicationEventPublisher events, ObservationRegistry observations) {
		if (!KNOWN_VERSIONS.contains(properties.version())) {
			logger.warn("preverified.graph-api.version is {}, which is not one of the versions this service was built "
					+ "against ({}); calls may fail if Meta retired it", properties.version(), KNOWN_VERSIONS);
		}
		String version = buildProperties.stream().map(BuildProperties::getVersion).findFirst().orElse("dev");
		BusinessGuardRegistry guards = new BusinessGuardRegistry(properties, retries, circuitBreakers, meters,
				PauseListener.telling(pauses.getIfAvailable(PauseScheduler::timed)), clock);
		return new GraphApiTransport(webClient(builder.clone(), properties, version), properties, jsonMapper, guards,
				meters, events, observations);
	}

	@Bean
	GraphApiClient graphApiClient(GraphApiTransport transport, GraphApiProperties properties, JsonMapper jsonMapper) {
		return new GraphApiClient(transport, properties, jsonMapper);
	}

	@Bean
	MetaSignature metaSignature(GraphApiProperties properties) {
		return new MetaSignature(properties.appSecret());
	}

	@Bean
	GraphApiNumberClient graphApiNumberClient(GraphApiTransport transport) {
		return new GraphApiNumberClient(transport);
	}

	/**
	 * The HTTP client of the Graph API: timeouts, pages up to
	 * {@link GraphApiTransport#MAX_ANSWER_BYTES}, the service's user agent.
	 * @param builder the builder to start from
	 * @param properties the base URL and timeouts
	 * @param version the service's version, for the user agent
	 * @return the client
	 */
	static WebClient webClient(WebClient.Builder builder, GraphApiProperties properties, String version) {
		HttpClient httpClient = HttpClient.create()
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, Math.toIntExact(properties.connectTimeout().toMillis()))
			.responseTimeout(properties.readTimeout());
		return builder.baseUrl(properties.baseUrl())
			.clientConnector(new ReactorClientHttpConnector(httpClient))
			.codecs((codecs) -> codecs.defaultCodecs().maxInMemorySize(GraphApiTransport.MAX_ANSWER_BYTES))
			.defaultHeader(HttpHeaders.USER_AGENT, "preverified-sync/" + version)
			.defaultHeader(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON_VALUE)
			.build();
	}

}
