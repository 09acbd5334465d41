package io.preverified.graphapi;

import java.time.Clock;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.web.reactive.function.client.WebClient;

/**
 * The transport the client tests call upstream through, built as the service builds it,
 * with pauses of their own.
 */
final class GraphApiTestTransport {

	static final JsonMapper json = JsonMapper.builder().build();

	private GraphApiTestTransport() {
	}

	static GraphApiTransport create(GraphApiProperties properties, MeterRegistry meters, PauseScheduler pauses) {
		BusinessGuardRegistry guards = new BusinessGuardRegistry(properties, RetryRegistry.ofDefaults(),
				CircuitBreakerRegistry.ofDefaults(), meters, pauses, Clock.systemUTC());
		return new GraphApiTransport(GraphApiConfiguration.webClient(WebClient.builder(), properties, "test"),
				properties, json, guards, meters, (event) -> {
				}, ObservationRegistry.NOOP);
	}

}
