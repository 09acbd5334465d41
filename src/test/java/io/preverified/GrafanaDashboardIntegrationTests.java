package io.preverified;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code deploy/grafana/preverified-sync.json} is a dashboard Grafana can import, and
 * every query of it names a metric the service exposes once it has synced, removed,
 * re-verified and held numbers.
 */
class GrafanaDashboardIntegrationTests extends IntegrationTests {

	private static final Pattern METRIC = Pattern.compile("\\b(preverified_[a-z_]+|resilience4j_[a-z_]+)\\b");

	@Test
	void dashboardIsValidAndEveryQueryNamesAnExposedMetric() throws Exception {
		JsonNode dashboard = json.readTree(Files.readString(Path.of("deploy/grafana/preverified-sync.json")));
		String exposed = exposedAfterEveryKindOfEvent();

		assertThat(dashboard.get("title").asString()).isNotBlank();
		assertThat(dashboard.get("uid").asString()).matches("[a-zA-Z0-9_-]{1,40}");
		assertThat(dashboard.get("schemaVersion").asInt()).isGreaterThanOrEqualTo(36);
		assertThat(dashboard.get("templating").get("list")).extracting((variable) -> variable.get("name").asString())
			.contains("datasource", "business");
		Set<Integer> ids = new HashSet<>();
		List<String> titles = new ArrayList<>();
		for (JsonNode panel : dashboard.get("panels")) {
			assertThat(ids.add(panel.get("id").asInt())).as("panel ids are unique").isTrue();
			titles.add(panel.get("title").asString());
			assertThat(panel.get("type").asString()).isIn("timeseries", "stat", "gauge", "table", "bargauge");
			assertThat(panel.get("datasource").get("uid").asString()).isEqualTo("${datasource}");
			JsonNode position = panel.get("gridPos");
			assertThat(position.get("w").asInt()).isBetween(1, 24);
			assertThat(position.get("x").asInt() + position.get("w").asInt()).isLessThanOrEqualTo(24);
			assertThat(position.get("h").asInt()).isPositive();
			assertThat(panel.get("targets")).isNotEmpty().allSatisfy((target) -> {
				String expression = target.get("expr").asString();
				Matcher metric = METRIC.matcher(expression);
				assertThat(metric.find()).as("%s names a metric", expression).isTrue();
				do {
					assertThat(exposed).as("%s in panel %s", metric.group(1), panel.get("title").asString())
						.containsPattern("(?m)^" + metric.group(1) + "[{ ]");
				}
				while (metric.find());
			});
		}
		assertThat(titles).contains("Numbers held by reservations", "Removals held by the guard",
				"Numbers removed by reason", "Verification attempts by outcome", "Alertmanager pushes by outcome");
	}

	// counters appear with their first event: a removal, a code request, a reservation
	private String exposedAfterEveryKindOfEvent() throws Exception {
		Instant soon = Instant.now().plus(Duration.ofDays(2));
		syncNumbers(BUSINESS_1, number("1001", "VERIFIED", soon), number("1002", "VERIFIED", soon),
				number("1003", "VERIFIED", soon.plus(Duration.ofDays(60))));
		syncNumbers(BUSINESS_1, number("1001", "VERIFIED", soon),
				number("1003", "VERIFIED", soon.plus(Duration.ofDays(60))));
		assertThat(this.mvc.post()
			.uri("/api/v1/numbers/1001/request-code")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"code_method\": \"SMS\", \"language\": \"en_US\"}")
			.exchange()).hasStatus(HttpStatus.ACCEPTED);
		assertThat(this.mvc.post()
			.uri("/api/v1/reservations")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"business_id\": \"" + BUSINESS_1 + "\", \"count\": 1}")
			.exchange()).hasStatus(HttpStatus.CREATED);
		return this.mvc.get().uri("/actuator/prometheus").exchange().getResponse().getContentAsString();
	}

}
