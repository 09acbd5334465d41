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

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A webhook delivery still pending when the service stops is sent by the next one. Both
 * runs of the service use a schema of their own, so no other test's service sends it.
 */
class WebhookOutboxRestartIntegrationTests {

	private static final String SCHEMA = "outbox_restart";

	private static final FakeGraphApi graphApi = FakeGraphApi.start();

	private static final WebhookReceiver receiver = WebhookReceiver.start();

	@AfterAll
	static void stop() {
		graphApi.close();
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
		new JdbcTemplate(SchemaDatabase.dataSource()).execute("drop schema if exists " + SCHEMA + " cascade");

		try (ConfigurableApplicationContext service = start()) {
			await().atMost(Duration.ofSeconds(30)).until(() -> receiver.received().size() >= 2);
		}
		String idempotencyKey = receiver.received().get(0).header("Idempotency-Key");
		receiver.answerByDefault(200);

		try (ConfigurableApplicationContext restarted = start()) {
			await().atMost(Duration.ofSeconds(30)).until(() -> receiver.accepted().size() == 1);
			assertThat(restarted.getBean(JdbcTemplate.class)
				.queryForObject("select count(*) from webhook_deliveries where status = 'PENDING'", Integer.class))
				.isZero();
		}
		assertThat(receiver.accepted().get(0).header("Idempotency-Key")).isEqualTo(idempotencyKey);
		assertThat(receiver.accepted().get(0).body()).contains("3001000000000001");
	}

	private static ConfigurableApplicationContext start() {
		return new SpringApplicationBuilder(PreverifiedSyncApplication.class, SchemaDatabase.class)
			.properties("server.port=0", "spring.flyway.schemas=" + SCHEMA,
					"preverified.graph-api.base-url=" + graphApi.baseUrl(), "preverified.businesses[0].id=3001",
					"preverified.businesses[0].access-token=token-3001", "preverified.sync.initial-delay=0s",
					"preverified.sync.interval=1h", "preverified.alerts.evaluation-interval=1h",
					"preverified.alerts.webhook.url=" + receiver.url(), "preverified.alerts.webhook.group-wait=0s",
					"preverified.alerts.webhook.initial-backoff=100ms", "preverified.alerts.webhook.max-backoff=200ms")
			.run();
	}

	/**
	 * The tests' PostgreSQL, in a schema of this test's own.
	 */
	@Configuration(proxyBeanMethods = false)
	static class SchemaDatabase {

		@Bean
		JdbcConnectionDetails jdbcConnectionDetails(Environment environment) {
			return inSchema(TestDatabase.connectionDetails(environment));
		}

		static javax.sql.DataSource dataSource() {
			JdbcConnectionDetails details = TestDatabase.connectionDetails(new StandardEnvironment());
			return new org.springframework.jdbc.datasource.DriverManagerDataSource(details.getJdbcUrl(),
					details.getUsername(), details.getPassword());
		}

		private static JdbcConnectionDetails inSchema(JdbcConnectionDetails details) {
			String url = details.getJdbcUrl() + (details.getJdbcUrl().contains("?") ? "&" : "?") + "currentSchema="
					+ SCHEMA;
			return new JdbcConnectionDetails() {

				@Override
				public String getJdbcUrl() {
					return url;
				}

				@Override
				public String getUsername() {
					return details.getUsername();
				}

				@Override
				public String getPassword() {
					return details.getPassword();
				}

			};
		}

	}

}
