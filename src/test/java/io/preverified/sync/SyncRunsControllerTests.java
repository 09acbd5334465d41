package io.preverified.sync;

import java.time.Instant;
import java.util.List;

import io.preverified.security.ApiSlice;
import io.preverified.web.Cursor;
import io.preverified.web.ListResponse;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;

/**
 * {@code /api/v1/sync-runs} alone: its filters and cursor as parsed, their problems, an
 * unknown run, and that reading needs a key.
 */
@WebMvcTest(SyncRunsController.class)
@ApiSlice
class SyncRunsControllerTests {

	private static final SyncRunResponse FAILED_RUN = new SyncRunResponse(42, "1001", SyncRun.Trigger.SCHEDULED,
			SyncRun.Status.FAILED, Instant.parse("2026-12-03T06:00:00Z"), Instant.parse("2026-12-03T06:00:05Z"), 2, 200,
			150, 50, 0, 0, 0, 0, 0, 100, null);

	@Autowired
	private MockMvcTester mvc;

	@MockitoBean
	private SyncRunQueries queries;

	@Test
	void filtersCursorAndLimitReachTheQuery() {
		given(this.queries.find("1001", SyncRun.Status.FAILED, 41L, 5))
			.willReturn(ListResponse.of(List.of(FAILED_RUN)));

		assertThat(this.mvc.get()
			.uri("/api/v1/sync-runs?business_id=1001&status=failed&limit=5&after={after}", cursorAfter(41))
			.header(HttpHeaders.AUTHORIZATION, ApiSlice.READER)).hasStatusOk()
			.bodyJson()
			.extractingPath("$.data[0].id")
			.isEqualTo(42);
		then(this.queries).should().find("1001", SyncRun.Status.FAILED, 41L, 5);
	}

	@Test
	void unknownStatusBadLimitAndForgedCursorAreProblemsNamingTheParameter() {
		assertThat(this.mvc.get()
			.uri("/api/v1/sync-runs?status=FINISHED")
			.header(HttpHeaders.AUTHORIZATION, ApiSlice.READER)).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.detail")
			.asString()
			.contains("status");
		assertThat(this.mvc.get().uri("/api/v1/sync-runs?limit=0").header(HttpHeaders.AUTHORIZATION, ApiSlice.READER))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.detail")
			.asString()
			.contains("limit");
		assertThat(this.mvc.get()
			.uri("/api/v1/sync-runs?after=bm90LWEtY3Vyc29y")
			.header(HttpHeaders.AUTHORIZATION, ApiSlice.READER)).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.detail")
			.asString()
			.contains("after");
		assertThat(this.mvc.get().uri("/api/v1/sync-runs/forty").header(HttpHeaders.AUTHORIZATION, ApiSlice.READER))
			.hasStatus(HttpStatus.BAD_REQUEST);
		then(this.queries).shouldHaveNoInteractions();
	}

	@Test
	void oneRunWithItsCountsOrNotFound() {
		given(this.queries.get(42)).willReturn(FAILED_RUN);
		given(this.queries.get(43)).willThrow(new UnknownRunException(43));

		assertThat(this.mvc.get().uri("/api/v1/sync-runs/42").header(HttpHeaders.AUTHORIZATION, ApiSlice.READER))
			.hasStatusOk()
			.bodyJson()
			.satisfies((body) -> {
				assertThat(body).extractingPath("$.status").isEqualTo("FAILED");
				assertThat(body).extractingPath("$.business_id").isEqualTo("1001");
				assertThat(body).extractingPath("$.fetched").isEqualTo(200);
			});
		assertThat(this.mvc.get().uri("/api/v1/sync-runs/43").header(HttpHeaders.AUTHORIZATION, ApiSlice.READER))
			.hasStatus(HttpStatus.NOT_FOUND)
			.bodyJson()
			.extractingPath("$.detail")
			.asString()
			.contains("43");
	}

	@Test
	void readingNeedsAKey() {
		assertThat(this.mvc.get().uri("/api/v1/sync-runs")).hasStatus(HttpStatus.UNAUTHORIZED);
		assertThat(this.mvc.get().uri("/api/v1/sync-runs/42")).hasStatus(HttpStatus.UNAUTHORIZED);
		then(this.queries).shouldHaveNoInteractions();
	}

	// the cursor a page ending at a run hands out
	private static String cursorAfter(long id) {
		return Cursor.encode(Long.toString(id));
	}

}
