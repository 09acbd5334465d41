package io.preverified.sync;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Binding and validation of {@code preverified.businesses} and {@code preverified.sync}.
 */
class SyncPropertiesTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
		.withUserConfiguration(PropertiesConfiguration.class);

	@Test
	void bindingWithoutPropertiesGivesTheDocumentedSchedule() {
		this.contextRunner.run((context) -> {
			SyncProperties properties = context.getBean(SyncProperties.class);
			assertThat(properties.sync().interval()).isEqualTo(Duration.ofMinutes(15));
			assertThat(properties.sync().initialDelay()).isEqualTo(Duration.ofSeconds(5));
			assertThat(properties.sync().maxConcurrentBusinesses()).isEqualTo(4);
		});
	}

	@Test
	void bindingTakesTheScheduleAsEnvironmentVariablesWouldSetIt() {
		this.contextRunner
			.withPropertyValues("preverified.sync.interval=PT30M", "preverified.sync.initial-delay=0s",
					"preverified.sync.max-concurrent-businesses=2")
			.run((context) -> {
				SyncProperties properties = context.getBean(SyncProperties.class);
				assertThat(properties.sync().interval()).isEqualTo(Duration.ofMinutes(30));
				assertThat(properties.sync().initialDelay()).isZero();
				assertThat(properties.sync().maxConcurrentBusinesses()).isEqualTo(2);
			});
	}

	@Test
	void bindingRefusesInvalidValuesNamingTheKey() {
		assertRefused("preverified.sync.interval=0s", "interval");
		assertRefused("preverified.sync.max-concurrent-businesses=0", "maxConcurrentBusinesses");
	}

	private void assertRefused(String... propertiesThenProblem) {
		String problem = propertiesThenProblem[propertiesThenProblem.length - 1];
		String[] properties = java.util.Arrays.copyOf(propertiesThenProblem, propertiesThenProblem.length - 1);
		this.contextRunner.withPropertyValues(properties).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause().hasMessageContaining(problem);
			assertThat(context.getStartupFailure()).hasMessageContaining("preverified");
		});
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(SyncProperties.class)
	static class PropertiesConfiguration {

	}

}
