package io.preverified;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.Isolated;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Every kind of invalid setting stops start-up with Boot's failure report naming the key,
 * as an operator sees it in the service's output: no stack trace to read through, and no
 * secret repeated.
 */
@ExtendWith(OutputCaptureExtension.class)
@Isolated("reads all output, which another test's start or stop of logging would cut")
class InvalidConfigurationIntegrationTests {

	private static final String TOKEN = "EAAG-token-that-stays-secret";

	@RegisterExtension
	static final TestServices testServices = new TestServices();

	@Test
	void everyInvalidSettingStopsStartUpNamingItsKey(CapturedOutput output) {
		Map<String, String[]> settings = new LinkedHashMap<>();
		settings.put("preverified.businesses[0].id", new String[] { "preverified.businesses[0].id=acme" });
		settings.put("preverified.businesses lists business id", new String[] { "preverified.businesses[1].id=7001",
				"preverified.businesses[1].access-token=" + TOKEN });
		settings.put("preverified.businesses[0].access-token",
				new String[] { "preverified.businesses[0].access-token=" });
		settings.put("preverified.alerts.critical", new String[] { "preverified.alerts.critical=20d" });
		settings.put("preverified.alerts.webhook.url", new String[] { "preverified.alerts.webhook.url=ftp://hooks" });
		settings.put("preverified.sync.interval", new String[] { "preverified.sync.interval=-5m" });
		settings.put("preverified.graph-api.page-size", new String[] { "preverified.graph-api.page-size=501" });
		settings.put("preverified.graph-api.retry.initial-backoff",
				new String[] { "preverified.graph-api.retry.initial-backoff=5m" });
		settings.put("preverified.api.keys[0].key",
				new String[] { "preverified.api.keys[0].name=ops", "preverified.api.keys[0].key=short" });
		IsolatedServices services = testServices.isolated("invalid_configuration");
		for (Map.Entry<String, String[]> setting : settings.entrySet()) {
			List<String> properties = new ArrayList<>(List.of("preverified.businesses[0].id=7001",
					"preverified.businesses[0].access-token=" + TOKEN, "preverified.sync.initial-delay=1h"));
			properties.addAll(List.of(setting.getValue()));
			int before = output.getAll().length();

			assertThatException().as(setting.getKey())
				.isThrownBy(() -> services.start(properties.toArray(String[]::new)).close());

			String report = output.getAll().substring(before);
			assertThat(report).as(setting.getKey())
				.contains("APPLICATION FAILED TO START", setting.getKey())
				.doesNotContain(TOKEN, "\tat org.springframework");
		}
	}

}
