package io.preverified.alerts;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.preverified.IntegrationTests;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The metrics of the contract are exposed, and the rules in
 * {@code deploy/prometheus/alerts.yml} name only metrics the service exposes.
 */
class PrometheusRulesIntegrationTests extends IntegrationTests {

	private static final Pattern METRIC = Pattern.compile("\\b(preverified_[a-z_]+|resilience4j_[a-z_]+)\\b");

	@Test
	@SuppressWarnings("unchecked")
	void everyRuleIsCompleteAndNamesOnlyExposedMetrics() throws Exception {
		Map<String, Object> number = new LinkedHashMap<>();
		number.put("id", "9001");
		number.put("phone_number", "+15550000001");
		number.put("code_verification_status", "VERIFIED");
		number.put("verification_expiry_time", Instant.now().plus(Duration.ofDays(2)).getEpochSecond());
		graphApi.business(BUSINESS_1, TOKEN_1, List.of(number));
		syncAndWait(BUSINESS_1);
		await().atMost(Duration.ofSeconds(20)).until(() -> !webhookReceiver.accepted().isEmpty());
		String exposed = this.mvc.get().uri("/actuator/prometheus").exchange().getResponse().getContentAsString();

		List<Map<String, Object>> rules = new ArrayList<>();
		Map<String, Object> file = read(Path.of("deploy/prometheus/alerts.yml"));
		for (Map<String, Object> group : (List<Map<String, Object>>) file.get("groups")) {
			assertThat(group.get("name")).isNotNull();
			rules.addAll((List<Map<String, Object>>) group.get("rules"));
		}
		Set<String> named = new TreeSet<>();
		assertThat(rules).isNotEmpty().allSatisfy((rule) -> {
			assertThat(rule).containsKeys("alert", "expr", "labels", "annotations");
			Matcher metric = METRIC.matcher((String) rule.get("expr"));
			while (metric.find()) {
				named.add(metric.group(1));
			}
		});
		assertThat(named).contains("preverified_numbers_expiring", "preverified_last_success_timestamp_seconds")
			.allSatisfy((metric) -> assertThat(exposed).as(metric).containsPattern("(?m)^" + metric + "[{ ]"));
		for (String metric : List.of(
				"preverified_sync_runs_total{business_id=\"" + BUSINESS_1 + "\",outcome=\"succeeded\"}",
				"preverified_sync_duration_seconds_count{business_id=\"" + BUSINESS_1 + "\"",
				"preverified_numbers{business_id=\"" + BUSINESS_1 + "\",status=\"VERIFIED\"} 1.0",
				"preverified_numbers_expiring{business_id=\"" + BUSINESS_1 + "\",severity=\"CRITICAL\"} 1.0",
				"preverified_last_success_timestamp_seconds{business_id=\"" + BUSINESS_1 + "\"}",
				"preverified_graph_api_requests_seconds_count{business_id=\"" + BUSINESS_1 + "\",outcome=\"success\"}",
				"preverified_webhook_deliveries_total{outcome=\"delivered\"}", "resilience4j_circuitbreaker_state{")) {
			assertThat(exposed).contains(metric);
		}
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> read(Path path) throws IOException {
		try (Reader reader = Files.newBufferedReader(path)) {
			return (Map<String, Object>) new Yaml().load(reader);
		}
	}

}
