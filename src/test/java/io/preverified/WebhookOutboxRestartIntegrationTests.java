package io.preverified;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.preverified.alerts.WebhookReceiver;
import io.preverified.graphapi.FakeGraphApi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A webhook delivery still pending when the service stops is sent by the next instance.
 */
@Execution(ExecutionMode.CONCURRENT)
class WebhookOutboxRestartIntegrationTests {

	@RegisterExtension
	static final TestServices testServices = new TestServices();

	private static final FakeGraphApi graphApi = testServices.graphApi();

	private static final WebhookReceiver receiver = WebhookReceiver.start();

	@AfterAll
	static void stop() {
		receiver.close();
	}

	@Test
	void deliveryPendingAtShutdownIsSentAfterARestart() {
		Map<String, Object> number = new LinkedHashMap<>();
		number.put("id", "3001000000000001");
		number.put("phone_number", "+15550003001");
		number.put("code_verification_status", "VERIFIED");
		number.put("verification_expiry_time", Instant.now().plus(Duration.ofDays(2)).getEpochSecond());
		graphApi.business("3001", "token-3001", List.of(number));
		receiver.answerByDefault(503);
		IsolatedServices services = testServices.isolated("outbox_restart");
		String[] properties = { "preverified.businesses[0].id=3001",
				"preverified.businesses[0].access-token=token-3001", "preverified.sync.initial-delay=0s",
				"preverified.sync.interval=1h", "preverified.alerts.evaluation-interval=1h",
				"preverified.alerts.webhook.url=" + receiver.url(), "preverified.alerts.webhook.group-wait=0s",
				"preverified.alerts.webhook.initial-backoff=100ms", "preverified.alerts.webhook.max-backoff=200ms" };

		try (ConfigurableApplicationContext service = services.start(properties)) {
			await().atMost(Duration.ofSeconds(30)).until(() -> receiver.received().size() >= 2);
		}
		String idempotencyKey = receiver.received().get(0).header("Idempotency-Key");
		assertThat(services.jdbc().queryForObject("select status from webhook_deliveries", String.class))
			.isEqualTo("PENDING");
		receiver.answerByDefault(200);

		try (ConfigurableApplicationContext restarted = services.start(properties)) {
			await().atMost(Duration.ofSeconds(30)).until(() -> receiver.accepted().size() == 1);
		}
		assertThat(services.jdbc().queryForObject("select status from webhook_deliveries", String.class))
			.isEqualTo("DELIVERED");
		assertThat(receiver.accepted().get(0).header("Idempotency-Key")).isEqualTo(idempotencyKey);
		assertThat(receiver.accepted().get(0).body()).contains("3001000000000001");
	}

}
