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
	void bindingWithoutPropertiesGivesNoBusinessAndTheDocumentedSchedule() {
		this.contextRunner.run((context) -> {
			SyncProperties properties = context.getBean(SyncProperties.class);
			assertThat(properties.businesses()).isEmpty();
			assertThat(properties.sync().interval()).isEqualTo(Duration.ofMinutes(15));
			assertThat(properties.sync().initialDelay()).isEqualTo(Duration.ofSeconds(5));
			assertThat(properties.sync().maxConcurrentBusinesses()).isEqualTo(4);
		});
	}

	@Test
	void bindingTakesBusinessesAsEnvironmentVariablesWouldSetThem() {
		this.contextRunner
			.withPropertyValues("preverified.businesses[0].id=506914307656634", "preverified.businesses[0].name=Acme",
					"preverified.businesses[0].access-token=secret-1", "preverified.businesses[1].id=42",
					"preverified.businesses[1].access-token=secret-2", "preverified.sync.interval=PT30M",
					"preverified.sync.initial-delay=0s", "preverified.sync.max-concurrent-businesses=2")
			.run((context) -> {
				SyncProperties properties = context.getBean(SyncProperties.class);
				assertThat(properties.businesses()).extracting(SyncProperties.Business::id)
					.containsExactly("506914307656634", "42");
				assertThat(properties.business("42")).hasValueSatisfying((business) -> {
					assertThat(business.accessToken()).isEqualTo("secret-2");
					assertThat(business.name()).isNull();
				});
				assertThat(properties.toString()).doesNotContain("secret-1", "secret-2");
				assertThat(properties.sync().interval()).isEqualTo(Duration.ofMinutes(30));
				assertThat(properties.sync().initialDelay()).isZero();
				assertThat(properties.sync().maxConcurrentBusinesses()).isEqualTo(2);
			});
	}

	@Test
	void bindingRefusesInvalidValuesNamingTheKey() {
		assertRefused("preverified.businesses[0].id=acme", "preverified.businesses[0].access-token=t", "id");
		assertRefused("preverified.businesses[0].id=1", "preverified.businesses[0].access-token=",
				"preverified.businesses[0].access-token is empty");
		assertRefused("preverified.businesses[0].id=1", "preverified.businesses[0].access-token=t",
				"preverified.businesses[1].id=1", "preverified.businesses[1].access-token=u", "more than once");
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
