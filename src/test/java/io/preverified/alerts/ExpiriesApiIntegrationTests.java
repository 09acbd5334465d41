package io.preverified.alerts;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.preverified.IntegrationTests;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /api/v1/expiries}, which the console's chart reads, and the console's page.
 */
class ExpiriesApiIntegrationTests extends IntegrationTests {

	@Test
	void expiriesCountListedNumbersPerWeekBySeverity() {
		Instant now = this.clock.pin();
		graphApi.business(BUSINESS_1, TOKEN_1,
				List.of(number("1", "VERIFIED", now.plus(Duration.ofDays(1))),
						number("2", "VERIFIED", now.plus(Duration.ofDays(5))),
						number("3", "VERIFIED", now.plus(Duration.ofDays(10))),
						number("4", "VERIFIED", now.plus(Duration.ofDays(20))),
						number("5", "VERIFIED", now.plus(Duration.ofDays(80))),
						number("6", "VERIFIED", now.plus(Duration.ofDays(200))), number("7", "NOT_VERIFIED", null)));
		syncAndWait(BUSINESS_1);
		graphApi.business(BUSINESS_2, TOKEN_2, List.of(number("8", "VERIFIED", now.plus(Duration.ofDays(2)))));
		syncAndWait(BUSINESS_2);

		JsonNode weeks = getJson("/api/v1/expiries?business_id=" + BUSINESS_1).get("data");

		assertThat(weeks).hasSize(13);
		assertThat(Instant.parse(weeks.get(0).get("week_start").asString())).isEqualTo(now);
		assertThat(Instant.parse(weeks.get(0).get("week_end").asString())).isEqualTo(now.plus(Duration.ofDays(7)));
		assertThat(weeks.get(0).get("by_severity").get("CRITICAL").asInt()).isEqualTo(1);
		assertThat(weeks.get(0).get("by_severity").get("WARNING").asInt()).isEqualTo(1);
		assertThat(weeks.get(1).get("by_severity").get("WARNING").asInt()).isEqualTo(1);
		assertThat(weeks.get(2).get("by_severity").get("REVERIFY_WINDOW").asInt()).isEqualTo(1);
		assertThat(weeks.get(11).get("by_severity").get("REVERIFY_WINDOW").asInt()).isEqualTo(1);
		int total = 0;
		for (JsonNode week : weeks) {
			for (JsonNode count : week.get("by_severity")) {
				total += count.asInt();
			}
		}
		assertThat(total).isEqualTo(5);
		assertThat(getJson("/api/v1/expiries?weeks=1").get("data").get(0).get("by_severity").get("CRITICAL").asInt())
			.isEqualTo(2);
		for (String weeksParameter : List.of("0", "53", "many")) {
			MvcTestResult refused = this.mvc.get().uri("/api/v1/expiries?weeks=" + weeksParameter).exchange();
			assertThat(refused).hasStatus(HttpStatus.BAD_REQUEST);
		}
	}

	@Test
	void rootLeadsToTheConsoleServedWithOnlyItsOwnAssets() {
		assertThat(this.mvc.get().uri("/").exchange()).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/console");
		MvcTestResult console = this.mvc.get().uri("/console").exchange();
		assertThat(console).hasStatus(HttpStatus.OK);
		assertThat(console).hasForwardedUrl("/console/index.html");
	}

}
