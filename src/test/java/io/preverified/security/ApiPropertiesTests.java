package io.preverified.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Binding and validation of {@code preverified.api}: keys too short to resist guessing,
 * or copied from the project's own example files, stop start-up naming their entry and
 * never showing the key.
 */
class ApiPropertiesTests {

	private static final String LONG_KEY = "a-long-random-key-nobody-has-seen-0123456789";

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
		.withUserConfiguration(PropertiesConfiguration.class);

	@Test
	void bindingWithoutPropertiesRefusesAnonymousWritesAndReadsBodiesUpTo64Kilobytes() {
		this.contextRunner.run((context) -> {
			ApiProperties properties = context.getBean(ApiProperties.class);
			assertThat(properties.anonymousWrites()).isFalse();
			assertThat(properties.maxBody()).isEqualTo(DataSize.ofKilobytes(64));
			assertThat(properties.keys()).isEmpty();
		});
	}

	@Test
	void bindingTakesEveryKey() {
		this.contextRunner
			.withPropertyValues("preverified.api.anonymous-writes=true", "preverified.api.max-body=1MB",
					"preverified.api.keys[0].name=operators", "preverified.api.keys[0].key=" + LONG_KEY,
					"preverified.api.keys[0].role=ADMIN")
			.run((context) -> {
				ApiProperties properties = context.getBean(ApiProperties.class);
				assertThat(properties.anonymousWrites()).isTrue();
				assertThat(properties.maxBody()).isEqualTo(DataSize.ofMegabytes(1));
				assertThat(properties.keys()).singleElement().satisfies((key) -> {
					assertThat(key.role()).isEqualTo(ApiProperties.Role.ADMIN);
					assertThat(key.toString()).doesNotContain(LONG_KEY);
				});
			});
	}

	@Test
	void keyShorterThan32CharactersStopsStartUpNamingItsEntry() {
		String shortKey = "only-31-characters-long-0123456";
		assertThat(shortKey).hasSize(31);
		assertRefused("preverified.api.keys[0].key=" + LONG_KEY, "preverified.api.keys[1].key=" + shortKey)
			.contains("preverified.api.keys[1].key", "shorter than 32 characters")
			.doesNotContain(shortKey);
	}

	@Test
	void everyKeyOfTheExampleFilesStopsStartUpNamingItsEntry() throws IOException {
		assertThat(ExampleFiles.count()).as("example files packed into the build").isGreaterThanOrEqualTo(2);
		Matcher keys = Pattern.compile("PREVERIFIED_API_KEYS_\\d+_KEY: (\\S+)")
			.matcher(Files.readString(Path.of("deploy/k8s/secret.yaml")));
		int checked = 0;
		while (keys.find()) {
			String example = keys.group(1);
			assertThat(example).hasSizeGreaterThanOrEqualTo(ApiProperties.MIN_KEY_LENGTH);
			assertRefused("preverified.api.keys[0].key=" + example).contains("preverified.api.keys[0].key",
					"example value");
			checked++;
		}
		assertThat(checked).isEqualTo(2);
	}

	@Test
	void sameKeyTwiceStopsStartUp() {
		assertRefused("preverified.api.keys[0].key=" + LONG_KEY, "preverified.api.keys[1].key=" + LONG_KEY)
			.contains("preverified.api.keys[1].key", "same as another key")
			.doesNotContain(LONG_KEY);
	}

	private org.assertj.core.api.AbstractStringAssert<?> assertRefused(String... keys) {
		String[] properties = new String[keys.length * 2];
		for (int i = 0; i < keys.length; i++) {
			properties[2 * i] = "preverified.api.keys[" + i + "].name=holder-" + i;
			properties[2 * i + 1] = keys[i];
		}
		String[] message = new String[1];
		this.contextRunner.withPropertyValues(properties).run((context) -> {
			assertThat(context).hasFailed();
			Throwable cause = context.getStartupFailure();
			while (cause.getCause() != null) {
				cause = cause.getCause();
			}
			message[0] = cause.getMessage();
		});
		return assertThat(message[0]);
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(ApiProperties.class)
	static class PropertiesConfiguration {

	}

}
