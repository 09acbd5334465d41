package io.preverified.sync;

import java.util.List;

import io.preverified.IntegrationTests;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /api/v1/businesses} and {@code /api/v1/sync-runs}.
 */
class SyncApiIntegrationTests extends IntegrationTests {

	@Test
	void manualSyncIsAcceptedWithTheRun() {
		graphApi.business(BUSINESS_1, TOKEN_1, List.of());

		MvcTestResult result = this.mvc.post().uri("/api/v1/businesses/{id}/sync", BUSINESS_1).exchange();

		assertThat(result).hasStatus(HttpStatus.ACCEPTED);
		JsonNode run = json.readTree(result.getResponse().getContentAsByteArray());
		assertThat(run.get("business_id").asString()).isEqualTo(BUSINESS_1);
		assertThat(run.get("trigger").asString()).isEqualTo("MANUAL");
		assertThat(run.get("status").asString()).isEqualTo("RUNNING");
		assertThat(run.get("started_at").isNull()).isFalse();
		assertThat(awaitRunEnd(run.get("id").asLong()).get("status").asString()).isEqualTo("SUCCEEDED");
	}

	@Test
	void secondManualSyncWhileOneRunsIsAConflict() {
		graphApi.business(BUSINESS_1, TOKEN_1, List.of());
		graphApi.pause();
		MvcTestResult first = this.mvc.post().uri("/api/v1/businesses/{id}/sync", BUSINESS_1).exchange();
		assertThat(first).hasStatus(HttpStatus.ACCEPTED);

		MvcTestResult second = this.mvc.post().uri("/api/v1/businesses/{id}/sync", BUSINESS_1).exchange();

		assertThat(second).hasStatus(HttpStatus.CONFLICT)
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(this.mvc.post().uri("/api/v1/businesses/{id}/sync", BUSINESS_2).exchange())
			.hasStatus(HttpStatus.ACCEPTED);
		graphApi.resume();
		assertThat(
				awaitRunEnd(json.readTree(first.getResponse().getContentAsByteArray()).get("id").asLong()).get("status")
					.asString())
			.isEqualTo("SUCCEEDED");
		awaitRunEnd(2);
	}

	@Test
	void manualSyncOfAnUnknownBusinessIsNotFound() {
		MvcTestResult result = this.mvc.post().uri("/api/v1/businesses/{id}/sync", "999").exchange();

		assertThat(result).hasStatus(HttpStatus.NOT_FOUND)
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void businessesShowTheirLastRunAndCountsButNoToken() throws Exception {
		graphApi.business(BUSINESS_1, TOKEN_1,
				List.of(SyncIntegrationTests.number("1", "+15550000001", "VERIFIED", null, null),
						SyncIntegrationTests.number("2", "+15550000002", "VERIFIED", null, null),
						SyncIntegrationTests.number("3", "+15550000003", "NOT_VERIFIED", null, null)));
		JsonNode run = syncAndWait(BUSINESS_1);

		MvcTestResult result = this.mvc.get().uri("/api/v1/businesses").exchange();

		assertThat(result).hasStatus(HttpStatus.OK);
		String body = result.getResponse().getContentAsString();
		assertThat(body).doesNotContain(TOKEN_1, TOKEN_2, TOKEN_3, "access_token");
		JsonNode businesses = json.readTree(body).get("data");
		assertThat(businesses).hasSize(3);
		JsonNode first = businesses.get(0);
		assertThat(first.get("id").asString()).isEqualTo(BUSINESS_1);
		assertThat(first.get("name").asString()).isEqualTo("First");
		assertThat(first.get("last_run").get("id").asLong()).isEqualTo(run.get("id").asLong());
		assertThat(first.get("last_success_at").asString()).isEqualTo(run.get("finished_at").asString());
		assertThat(first.get("numbers").get("total").asLong()).isEqualTo(3);
		assertThat(first.get("numbers").get("by_status").get("VERIFIED").asLong()).isEqualTo(2);
		assertThat(first.get("numbers").get("by_status").get("NOT_VERIFIED").asLong()).isEqualTo(1);
		assertThat(businesses.get(1).get("last_run").isNull()).isTrue();
		assertThat(businesses.get(1).get("numbers").get("total").asLong()).isZero();
	}

	@Test
	void syncRunsAreListedNewestFirstAndFiltered() {
		graphApi.business(BUSINESS_1, TOKEN_1, List.of());
		graphApi.business(BUSINESS_2, "not-the-configured-token", List.of());
		syncAndWait(BUSINESS_1);
		syncAndWait(BUSINESS_2);
		syncAndWait(BUSINESS_1);

		assertThat(runIds("/api/v1/sync-runs")).containsExactly(3L, 2L, 1L);
		assertThat(runIds("/api/v1/sync-runs?business_id=" + BUSINESS_1)).containsExactly(3L, 1L);
		assertThat(runIds("/api/v1/sync-runs?status=FAILED")).containsExactly(2L);
		JsonNode firstPage = getJson("/api/v1/sync-runs?limit=2");
		assertThat(runIds(firstPage)).containsExactly(3L, 2L);
		assertThat(runIds(
				"/api/v1/sync-runs?limit=2&after=" + firstPage.get("paging").get("cursors").get("after").asString()))
			.containsExactly(1L);
		assertThat(getJson("/api/v1/sync-runs/2").get("error").get("code").asInt()).isEqualTo(190);
	}

	private List<Long> runIds(String uri) {
		return runIds(getJson(uri));
	}

	private static List<Long> runIds(JsonNode page) {
		return page.get("data").valueStream().map((run) -> run.get("id").asLong()).toList();
	}

}
