package io.preverified.sync;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import io.preverified.businesses.Business;
import io.preverified.businesses.BusinessAdmin;
import io.preverified.businesses.BusinessDirectory;
import io.preverified.numbers.PoolHistory;
import io.preverified.numbers.Pools;
import io.preverified.security.ApiSlice;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;

/**
 * {@code /api/v1/businesses} alone: who may start a run, and the answers for an unknown
 * business and a business already running.
 */
@WebMvcTest(BusinessesController.class)
@ApiSlice
class BusinessesControllerTests {

	private static final Business ACME = new Business("1001", "Acme", "token", Business.Source.CONFIG, false);

	@Autowired
	private MockMvcTester mvc;

	@MockitoBean
	private BusinessDirectory businesses;

	@MockitoBean
	private BusinessAdmin admin;

	@MockitoBean
	private SyncRunQueries queries;

	@MockitoBean
	private SyncLauncher launcher;

	@MockitoBean
	private Pools pools;

	@MockitoBean
	private PoolHistory history;

	@Test
	void adminKeyStartsARun() {
		given(this.businesses.find("1001")).willReturn(Optional.of(ACME));
		SyncRun run = new SyncRun("1001", SyncRun.Trigger.MANUAL, Instant.EPOCH);
		// as stored: the database gives it its id
		ReflectionTestUtils.setField(run, "id", 42L);
		given(this.launcher.start(ACME, SyncRun.Trigger.MANUAL))
			.willReturn(Optional.of(new SyncLauncher.StartedRun(run, new CompletableFuture<>())));

		assertThat(
				this.mvc.post().uri("/api/v1/businesses/1001/sync").header(HttpHeaders.AUTHORIZATION, ApiSlice.ADMIN))
			.hasStatus(HttpStatus.ACCEPTED)
			.bodyJson()
			.extractingPath("$.id")
			.isEqualTo(42);
	}

	@Test
	void readKeyMayListButNotStartRuns() {
		given(this.queries.businesses()).willReturn(List.of());

		assertThat(this.mvc.get().uri("/api/v1/businesses").header(HttpHeaders.AUTHORIZATION, ApiSlice.READER))
			.hasStatusOk();
		assertThat(
				this.mvc.post().uri("/api/v1/businesses/1001/sync").header(HttpHeaders.AUTHORIZATION, ApiSlice.READER))
			.hasStatus(HttpStatus.FORBIDDEN)
			.bodyJson()
			.extractingPath("$.detail")
			.asString()
			.contains("ADMIN");
		then(this.launcher).shouldHaveNoInteractions();
	}

	@Test
	void poolTrendIsAskedForOneToThirtyDays() {
		given(this.businesses.find("1001")).willReturn(Optional.of(ACME));

		for (String days : new String[] { "0", "31" }) {
			assertThat(this.mvc.get()
				.uri("/api/v1/businesses/1001/pool?days=" + days)
				.header(HttpHeaders.AUTHORIZATION, ApiSlice.READER)).hasStatus(HttpStatus.BAD_REQUEST)
				.bodyJson()
				.extractingPath("$.detail")
				.asString()
				.contains("days", "between 1 and 30");
		}
		assertThat(this.mvc.get().uri("/api/v1/businesses/999/pool").header(HttpHeaders.AUTHORIZATION, ApiSlice.READER))
			.hasStatus(HttpStatus.NOT_FOUND);
		then(this.history).shouldHaveNoInteractions();
	}

	@Test
	void unknownBusinessIsNotFound() {
		given(this.businesses.find("999")).willReturn(Optional.empty());

		assertThat(this.mvc.post().uri("/api/v1/businesses/999/sync").header(HttpHeaders.AUTHORIZATION, ApiSlice.ADMIN))
			.hasStatus(HttpStatus.NOT_FOUND)
			.bodyJson()
			.extractingPath("$.detail")
			.asString()
			.contains("Business 999");
	}

	@Test
	void businessAlreadyRunningIsAConflict() {
		given(this.businesses.find("1001")).willReturn(Optional.of(ACME));
		given(this.launcher.start(any(), any())).willReturn(Optional.empty());

		assertThat(
				this.mvc.post().uri("/api/v1/businesses/1001/sync").header(HttpHeaders.AUTHORIZATION, ApiSlice.ADMIN))
			.hasStatus(HttpStatus.CONFLICT)
			.bodyJson()
			.extractingPath("$.detail")
			.asString()
			.contains("already running");
	}

}
