package io.preverified.alerts;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Binding and validation of {@code preverified.alerts}.
 */
class AlertsPropertiesTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
		.withUserConfiguration(PropertiesConfiguration.class);

	@Test
	void bindingWithoutPropertiesGivesTheDocumentedThresholdsAndNoWebhook() {
		this.contextRunner.run((context) -> {
			AlertsProperties properties = context.getBean(AlertsProperties.class);
			assertThat(properties.reverifyWindow()).isEqualTo(Duration.ofDays(45));
			assertThat(properties.warning()).isEqualTo(Duration.ofDays(14));
			assertThat(properties.critical()).isEqualTo(Duration.ofDays(3));
			assertThat(properties.evaluationInterval()).isEqualTo(Duration.ofMinutes(1));
			assertThat(properties.webhook().enabled()).isFalse();
			assertThat(properties.alertmanager().enabled()).isFalse();
			assertThat(properties.webhook().groupWait()).isEqualTo(Duration.ofSeconds(30));
			assertThat(properties.webhook().initialBackoff()).isEqualTo(Duration.ofSeconds(5));
			assertThat(properties.webhook().maxBackoff()).isEqualTo(Duration.ofMinutes(10));
		});
	}

	@Test
	void bindingTakesEveryKey() {
		this.contextRunner
			.withPropertyValues("preverified.alerts.reverify-window=30d", "preverified.alerts.warning=P7D",
					"preverified.alerts.critical=12h", "preverified.alerts.evaluation-interval=30s",
					"preverified.alerts.webhook.url=https://hooks.example.com/preverified",
					"preverified.alerts.webhook.secret=whsec", "preverified.alerts.webhook.group-wait=0s",
					"preverified.alerts.webhook.initial-backoff=1s", "preverified.alerts.webhook.max-backoff=1h")
			.run((context) -> {
				AlertsProperties properties = context.getBean(AlertsProperties.class);
				assertThat(properties.reverifyWindow()).isEqualTo(Duration.ofDays(30));
				assertThat(properties.warning()).isEqualTo(Duration.ofDays(7));
				assertThat(properties.critical()).isEqualTo(Duration.ofHours(12));
				assertThat(properties.evaluationInterval()).isEqualTo(Duration.ofSeconds(30));
				assertThat(properties.webhook().url()).isEqualTo(URI.create("https://hooks.example.com/preverified"));
				assertThat(properties.webhook().secret()).isEqualTo("whsec");
				assertThat(properties.webhook().toString()).doesNotContain("whsec");
				assertThat(properties.webhook().groupWait()).isZero();
				assertThat(properties.webhook().maxBackoff()).isEqualTo(Duration.ofHours(1));
			});
	}

	@Test
	void bindingRefusesThresholdsOutOfOrderNamingTheKeys() {
		assertRefused("preverified.alerts.critical=14d", "preverified.alerts.critical");
		assertRefused("preverified.alerts.warning=45d", "preverified.alerts.reverify-window");
		assertRefused("preverified.alerts.warning=60d", "preverified.alerts.warning");
		assertRefused("preverified.alerts.webhook.url=hooks/preverified", "preverified.alerts.webhook.url");
		assertRefused("preverified.alerts.alertmanager.url=alertmanager:9093", "preverified.alerts.alertmanager.url");
		assertRefused("preverified.alerts.alertmanager.url=ftp://alertmanager:9093",
				"preverified.alerts.alertmanager.url");
		assertRefused("preverified.alerts.evaluation-interval=0s", "evaluationInterval");
	}

	private void assertRefused(String property, String problem) {
		this.contextRunner.withPropertyValues(property).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause().hasMessageContaining(problem);
		});
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(AlertsProperties.class)
	static class PropertiesConfiguration {

	}

}
