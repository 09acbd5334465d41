package io.preverified.graphapi;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Binding and validation of {@code preverified.graph-api}.
 */
class GraphApiPropertiesTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
		.withUserConfiguration(PropertiesConfiguration.class);

	@Test
	void bindingWithoutPropertiesGivesTheDocumentedDefaults() {
		this.contextRunner.run((context) -> {
			GraphApiProperties properties = context.getBean(GraphApiProperties.class);
			assertThat(properties.baseUrl()).isEqualTo("https://graph.facebook.com");
			assertThat(properties.version()).isEqualTo("v25.0");
			assertThat(properties.appSecret()).isNull();
			assertThat(properties.pageSize()).isEqualTo(100);
			assertThat(properties.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
			assertThat(properties.readTimeout()).isEqualTo(Duration.ofSeconds(30));
			assertThat(properties.retry().maxAttempts()).isEqualTo(6);
			assertThat(properties.retry().initialBackoff()).isEqualTo(Duration.ofSeconds(1));
			assertThat(properties.retry().maxBackoff()).isEqualTo(Duration.ofMinutes(2));
		});
	}

	@Test
	void bindingTakesEveryKey() {
		this.contextRunner
			.withPropertyValues("preverified.graph-api.base-url=http://localhost:8089",
					"preverified.graph-api.version=v23.0", "preverified.graph-api.app-secret=shh",
					"preverified.graph-api.page-size=500", "preverified.graph-api.connect-timeout=50ms",
					"preverified.graph-api.read-timeout=PT1M", "preverified.graph-api.retry.max-attempts=2",
					"preverified.graph-api.retry.initial-backoff=0s", "preverified.graph-api.retry.max-backoff=10s")
			.run((context) -> {
				GraphApiProperties properties = context.getBean(GraphApiProperties.class);
				assertThat(properties.baseUrl()).isEqualTo("http://localhost:8089");
				assertThat(properties.version()).isEqualTo("v23.0");
				assertThat(properties.appSecret()).isEqualTo("shh");
				assertThat(properties.toString()).doesNotContain("shh");
				assertThat(properties.pageSize()).isEqualTo(500);
				assertThat(properties.connectTimeout()).isEqualTo(Duration.ofMillis(50));
				assertThat(properties.readTimeout()).isEqualTo(Duration.ofMinutes(1));
				assertThat(properties.retry().maxAttempts()).isEqualTo(2);
				assertThat(properties.retry().initialBackoff()).isZero();
				assertThat(properties.retry().maxBackoff()).isEqualTo(Duration.ofSeconds(10));
			});
	}

	@Test
	void bindingRefusesInvalidValuesNamingTheKey() {
		assertRefused("preverified.graph-api.page-size=0", "pageSize");
		assertRefused("preverified.graph-api.page-size=501", "pageSize");
		assertRefused("preverified.graph-api.version=25", "version");
		assertRefused("preverified.graph-api.base-url=https://graph.facebook.com/v25.0", "baseUrl");
		assertRefused("preverified.graph-api.read-timeout=0s", "readTimeout");
		assertRefused("preverified.graph-api.retry.max-attempts=0", "retry.maxAttempts");
	}

	private void assertRefused(String property, String field) {
		this.contextRunner.withPropertyValues(property).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("preverified.graph-api")
				.hasMessageContaining(field);
		});
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(GraphApiProperties.class)
	static class PropertiesConfiguration {

	}

}
