package io.preverified.businesses;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Binding of {@code preverified.businesses} and {@code preverified.secrets}: as
 * environment variables set them, never showing a token or a key, and refusing invalid
 * values naming the key.
 */
class BusinessesPropertiesTests {

	private static final String KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
		.withUserConfiguration(PropertiesConfiguration.class);

	@Test
	void bindingWithoutPropertiesGivesNoBusinessAndNoKey() {
		this.contextRunner.run((context) -> {
			assertThat(context.getBean(BusinessesProperties.class).businesses()).isEmpty();
			assertThat(new TokenCipher(context.getBean(SecretsProperties.class)).canEncrypt()).isFalse();
		});
	}

	@Test
	void bindingTakesBusinessesAsEnvironmentVariablesWouldSetThem() {
		this.contextRunner
			.withPropertyValues("preverified.businesses[0].id=506914307656634", "preverified.businesses[0].name=Acme",
					"preverified.businesses[0].access-token=secret-1", "preverified.businesses[1].id=42",
					"preverified.businesses[1].access-token=secret-2", "preverified.secrets.key=" + KEY)
			.run((context) -> {
				BusinessesProperties properties = context.getBean(BusinessesProperties.class);
				assertThat(properties.businesses()).extracting(BusinessesProperties.Configured::id)
					.containsExactly("506914307656634", "42");
				Business second = properties.businesses().get(1).business();
				assertThat(second.accessToken()).isEqualTo("secret-2");
				assertThat(second.source()).isEqualTo(Business.Source.CONFIG);
				assertThat(second.name()).isNull();
				assertThat(properties + " " + second + " " + context.getBean(SecretsProperties.class))
					.doesNotContain("secret-1", "secret-2", KEY);
			});
	}

	@Test
	void bindingRefusesInvalidValuesNamingTheKey() {
		assertRefused("preverified.businesses[0].id=acme", "preverified.businesses[0].access-token=t", "id");
		assertRefused("preverified.businesses[0].id=1", "preverified.businesses[0].access-token=",
				"preverified.businesses[0].access-token is empty");
		assertRefused("preverified.businesses[0].id=1", "preverified.businesses[0].access-token=t",
				"preverified.businesses[1].id=1", "preverified.businesses[1].access-token=u", "more than once");
	}

	private void assertRefused(String... propertiesThenProblem) {
		String problem = propertiesThenProblem[propertiesThenProblem.length - 1];
		String[] properties = Arrays.copyOf(propertiesThenProblem, propertiesThenProblem.length - 1);
		this.contextRunner.withPropertyValues(properties).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause().hasMessageContaining(problem);
			assertThat(context.getStartupFailure()).hasMessageContaining("preverified");
		});
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties({ BusinessesProperties.class, SecretsProperties.class })
	static class PropertiesConfiguration {

	}

}
