package io.preverified.numbers;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.preverified.IntegrationTests;
import io.preverified.graphapi.DemoInventory;
import io.preverified.web.Cursor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /api/v1/numbers} over numbers synced from the fake Graph API.
 */
class NumbersApiIntegrationTests extends IntegrationTests {

	@Test
	void listPagesThroughEveryNumberInIdOrder() {
		graphApi.business(BUSINESS_1, TOKEN_1, DemoInventory.generate(BUSINESS_1, "First", 250, Instant.now()));
		syncAndWait(BUSINESS_1);

		List<String> ids = new ArrayList<>();
		String uri = "/api/v1/numbers?business_id=" + BUSINESS_1 + "&limit=100";
		int pages = 0;
		while (uri != null) {
			JsonNode page = getJson(uri);
			page.get("data").forEach((number) -> ids.add(number.get("id").asString()));
			pages++;
			JsonNode next = page.get("paging").get("next");
			if (next != null) {
				assertThat(next.asString()).contains("business_id=" + BUSINESS_1).contains("limit=100");
				assertThat(next.asString())
					.contains("after=" + page.get("paging").get("cursors").get("after").asString());
			}
			uri = (next != null)
					? URI.create(next.asString()).getRawPath() + "?" + URI.create(next.asString()).getRawQuery() : null;
		}

		assertThat(pages).isEqualTo(3);
		assertThat(ids).hasSize(250).doesNotHaveDuplicates().isSorted();
	}

	@Test
	void listFiltersByBusinessStatusAndExpiry() {
		Instant now = Instant.now();
		graphApi.business(BUSINESS_1, TOKEN_1,
				List.of(number("11", "VERIFIED", now.plus(Duration.ofDays(2))),
						number("12", "VERIFIED", now.plus(Duration.ofDays(20))),
						number("13", "EXPIRED", now.minus(Duration.ofDays(1))), number("14", "NOT_VERIFIED", null)));
		graphApi.business(BUSINESS_2, TOKEN_2, List.of(number("21", "VERIFIED", now.plus(Duration.ofDays(5)))));
		syncAndWait(BUSINESS_1);
		syncAndWait(BUSINESS_2);

		assertThat(ids("/api/v1/numbers")).containsExactly("11", "12", "13", "14", "21");
		assertThat(ids("/api/v1/numbers?business_id=" + BUSINESS_2)).containsExactly("21");
		assertThat(ids("/api/v1/numbers?status=VERIFIED")).containsExactly("11", "12", "21");
		assertThat(ids("/api/v1/numbers?status=NOT_VERIFIED")).containsExactly("14");
		assertThat(ids("/api/v1/numbers?expiring_within=P14D")).containsExactly("11", "21");
		assertThat(ids("/api/v1/numbers?expiring_within=P3D&business_id=" + BUSINESS_1)).containsExactly("11");
		assertThat(ids("/api/v1/numbers?expiring_within=P30D&status=VERIFIED&business_id=" + BUSINESS_1))
			.containsExactly("11", "12");
	}

	@Test
	void removedNumbersAreListedOnlyOnRequest() {
		graphApi.business(BUSINESS_1, TOKEN_1, List.of(number("11", "VERIFIED", null), number("12", "VERIFIED", null)));
		syncAndWait(BUSINESS_1);
		graphApi.business(BUSINESS_1, TOKEN_1, List.of(number("12", "VERIFIED", null)));
		JsonNode run = syncAndWait(BUSINESS_1);

		assertThat(ids("/api/v1/numbers")).containsExactly("12");
		assertThat(ids("/api/v1/numbers?include_removed=true")).containsExactly("11", "12");
		JsonNode removed = getJson("/api/v1/numbers/11");
		assertThat(removed.get("removed_at").asString()).isEqualTo(run.get("finished_at").asString());
		assertThat(Instant.parse(removed.get("last_seen_at").asString()))
			.isBefore(Instant.parse(removed.get("removed_at").asString()));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			status=BOGUS                 | status
			status=                      | status
			expiring_within=14%20days    | expiring_within
			expiring_within=P1M          | expiring_within
			expiring_within=-P1D         | expiring_within
			expiring_within=PT0S         | expiring_within
			include_removed=maybe        | include_removed
			limit=0                      | limit
			limit=1001                   | limit
			limit=-5                     | limit
			limit=ten                    | limit
			limit=99999999999            | limit
			after=not-a-cursor!          | after
			after=aGVsbG8                | after
			""")
	void listAnswersMalformedParametersWithAProblemNamingThem(String query, String parameter) {
		MvcTestResult result = this.mvc.get().uri(URI.create("/api/v1/numbers?" + query)).exchange();

		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST)
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		JsonNode problem = json.readTree(result.getResponse().getContentAsByteArray());
		assertThat(problem.get("type").asString()).isEqualTo("about:blank");
		assertThat(problem.get("status").asInt()).isEqualTo(400);
		assertThat(problem.get("title").asString()).isEqualTo("Bad Request");
		assertThat(problem.get("detail").asString()).contains(parameter);
		assertThat(problem.get("errors").get(0).get("parameter").asString()).isEqualTo(parameter);
	}

	@ParameterizedTest
	@CsvSource(delimiter = ';', textBlock = """
			/api/v1/numbers?expiring_within=P999999999D ;  ; expiring_within
			/api/v1/numbers?expiring_within=PT9999999999999999999H ;  ; expiring_within
			/api/v1/numbers?expiring_within=P36501D ;  ; expiring_within
			/api/v1/numbers/1/history?after= ; +1000000000-01-01T00:00:00Z|1 ; after
			/api/v1/numbers/1/history?after= ; 2024-01-01T00:00:00Z|99999999999999999999 ; after
			/api/v1/alerts?after= ; -999999999-01-01T00:00:00Z|1 ; after
			/api/v1/sync-runs?after= ; 99999999999999999999 ; after
			/api/v1/sync-runs/99999999999999999999 ;  ; id
			/api/v1/alerts/99999999999999999999 ;  ; id
					""")
	void parametersThatParseButOverflowAreBadRequestsNamingThem(String uri, String cursorKey, String parameter) {
		String cursor = (cursorKey != null) ? Cursor.encode(cursorKey) : "";

		MvcTestResult result = this.mvc.get().uri(URI.create(uri + cursor)).exchange();

		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST)
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		JsonNode problem = json.readTree(result.getResponse().getContentAsByteArray());
		assertThat(problem.get("errors").get(0).get("parameter").asString()).isEqualTo(parameter);
	}

	@Test
	void unknownNumberIsNotFound() {
		for (String uri : List.of("/api/v1/numbers/404404", "/api/v1/numbers/404404/history")) {
			MvcTestResult result = this.mvc.get().uri(uri).exchange();
			assertThat(result).hasStatus(HttpStatus.NOT_FOUND)
				.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
			assertThat(json.readTree(result.getResponse().getContentAsByteArray()).get("detail").asString())
				.contains("404404");
		}
	}

	@Test
	void requestsTheApiDoesNotServeGetProblems() {
		MvcTestResult wrongMethod = this.mvc.delete().uri("/api/v1/numbers").exchange();
		assertThat(wrongMethod).hasStatus(HttpStatus.METHOD_NOT_ALLOWED)
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(json.readTree(wrongMethod.getResponse().getContentAsByteArray()).get("type").asString())
			.isEqualTo("about:blank");
		assertThat(this.mvc.get().uri("/api/v1/nothing-here").exchange()).hasStatus(HttpStatus.NOT_FOUND)
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void historyPagesNewestFirst() {
		Instant expiry = Instant.parse("2027-01-01T00:00:00Z");
		for (int i = 0; i < 3; i++) {
			graphApi.business(BUSINESS_1, TOKEN_1, List.of(number("11", "VERIFIED", expiry.plus(Duration.ofDays(i)))));
			syncAndWait(BUSINESS_1);
		}

		JsonNode first = getJson("/api/v1/numbers/11/history?limit=1");
		assertThat(first.get("data").get(0).get("verification_expiry_time").get("new").asString())
			.isEqualTo("2027-01-03T00:00:00Z");
		String next = first.get("paging").get("next").asString();
		JsonNode second = getJson(URI.create(next).getRawPath() + "?" + URI.create(next).getRawQuery());
		assertThat(second.get("data").get(0).get("verification_expiry_time").get("old").asString())
			.isEqualTo("2027-01-01T00:00:00Z");
		assertThat(second.get("paging").has("next")).isFalse();
		assertThat(this.mvc.get().uri("/api/v1/numbers/11/history?after=bm9wZQ").exchange())
			.hasStatus(HttpStatus.BAD_REQUEST);
	}

	private List<String> ids(String uri) {
		List<String> ids = new ArrayList<>();
		getJson(uri).get("data").forEach((number) -> ids.add(number.get("id").asString()));
		return ids;
	}

}
