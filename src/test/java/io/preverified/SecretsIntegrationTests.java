package io.preverified;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.preverified.graphapi.DemoInventory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.Isolated;

import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * No access token shows in a log line, even at the most verbose levels of the HTTP
 * client, nor in any response, although upstream's {@code next} links carry it.
 */
@ExtendWith(OutputCaptureExtension.class)
// it turns logging up for the whole JVM and reads everything logged: no other class runs
// beside it
@Isolated
class SecretsIntegrationTests extends IntegrationTests {

	private static final List<String> VERBOSE_LOGGERS = List.of("io.preverified", "org.springframework.web",
			"org.springframework.http", "org.springframework.core.codec", "reactor.netty", "org.hibernate.SQL",
			"org.hibernate.orm.jdbc.bind");

	private final LoggingSystem loggingSystem = LoggingSystem.get(getClass().getClassLoader());

	@BeforeEach
	void logEverything() {
		VERBOSE_LOGGERS.forEach((logger) -> this.loggingSystem.setLogLevel(logger, LogLevel.TRACE));
	}

	@AfterEach
	void logAsUsual() {
		VERBOSE_LOGGERS.forEach((logger) -> this.loggingSystem.setLogLevel(logger, null));
	}

	@Test
	void noTokenInAnyLogLineOrResponse(CapturedOutput output) throws Exception {
		graphApi.business(BUSINESS_1, TOKEN_1, DemoInventory.generate(BUSINESS_1, "First", 120, Instant.now()));
		// two refusals: a delivery of an earlier test still in flight may take the first
		webhookReceiver.answer(500, 500);
		graphApi.business(BUSINESS_2, "a-token-upstream-does-not-know", List.of());
		syncAndWait(BUSINESS_1);
		syncAndWait(BUSINESS_2);

		await().atMost(Duration.ofSeconds(20)).until(() -> !webhookReceiver.accepted().isEmpty());
		StringBuilder responses = new StringBuilder();
		for (String uri : List.of("/api/v1/businesses", "/api/v1/sync-runs", "/api/v1/sync-runs/1",
				"/api/v1/sync-runs/2", "/api/v1/numbers?limit=1000", "/api/v1/alerts?limit=1000", "/actuator/health",
				"/actuator/info", "/actuator/prometheus", "/actuator/env", "/actuator/configprops", "/v3/api-docs")) {
			responses.append(this.mvc.get().uri(URI.create(uri)).exchange().getResponse().getContentAsString());
		}

		assertThat(graphApi.requests()).isNotEmpty();
		assertThat(output.getAll()).contains("preverified_numbers", "Webhook delivery")
			.doesNotContain(TOKEN_1, TOKEN_2, TOKEN_3, APP_SECRET, WEBHOOK_SECRET);
		assertThat(output.getAll()).containsPattern(
				"INFO \\[business_id=" + BUSINESS_1 + " run_id=1\\] .* Run 1 of business " + BUSINESS_1 + " succeeded");
		assertThat(responses).isNotEmpty().doesNotContain(TOKEN_1, TOKEN_2, TOKEN_3, APP_SECRET, WEBHOOK_SECRET);
		assertThat(webhookReceiver.received()).hasSizeGreaterThanOrEqualTo(2)
			.allSatisfy((delivery) -> assertThat(delivery.body()).doesNotContain(TOKEN_1, TOKEN_2, TOKEN_3, APP_SECRET,
					WEBHOOK_SECRET));
	}

}
