package io.preverified.alerts.reports;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.preverified.security.ApiSlice;
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
 * {@code /api/v1/expiries} alone: how many weeks are asked for, the problem of a number
 * of weeks out of range, and that reading needs a key.
 */
@WebMvcTest(ExpiriesController.class)
@ApiSlice
class ExpiriesControllerTests {

	private static final Instant NOW = Instant.parse("2026-12-03T00:00:00Z");

	@Autowired
	private MockMvcTester mvc;

	@MockitoBean
	private ExpiryQueries queries;

	@Test
	void thirteenWeeksUnlessAskedOtherwise() {
		given(this.queries.weeks(null, 13)).willReturn(List.of(week()));
		given(this.queries.weeks("1001", 52)).willReturn(List.of(week()));

		assertThat(this.mvc.get().uri("/api/v1/expiries").header(HttpHeaders.AUTHORIZATION, ApiSlice.READER))
			.hasStatusOk()
			.bodyJson()
			.satisfies((body) -> {
				assertThat(body).extractingPath("$.data[0].week_start").isEqualTo("2026-12-03T00:00:00Z");
				assertThat(body).extractingPath("$.data[0].by_severity.CRITICAL").isEqualTo(3);
			});
		assertThat(this.mvc.get()
			.uri("/api/v1/expiries?business_id=1001&weeks=52")
			.header(HttpHeaders.AUTHORIZATION, ApiSlice.READER)).hasStatusOk();
		then(this.queries).should().weeks(null, 13);
		then(this.queries).should().weeks("1001", 52);
	}

	@Test
	void weeksOutOfRangeOrNotANumberIsAProblem() {
		for (String weeks : List.of("0", "53", "-1")) {
			assertThat(this.mvc.get()
				.uri("/api/v1/expiries?weeks={weeks}", weeks)
				.header(HttpHeaders.AUTHORIZATION, ApiSlice.READER)).hasStatus(HttpStatus.BAD_REQUEST)
				.bodyJson()
				.extractingPath("$.detail")
				.asString()
				.contains("weeks")
				.contains("between 1 and 52");
		}
		assertThat(this.mvc.get().uri("/api/v1/expiries?weeks=many").header(HttpHeaders.AUTHORIZATION, ApiSlice.READER))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.detail")
			.asString()
			.contains("weeks");
		then(this.queries).shouldHaveNoInteractions();
	}

	@Test
	void readingNeedsAKey() {
		assertThat(this.mvc.get().uri("/api/v1/expiries")).hasStatus(HttpStatus.UNAUTHORIZED);
		then(this.queries).shouldHaveNoInteractions();
	}

	private static ExpiryQueries.Week week() {
		return new ExpiryQueries.Week(NOW, NOW.plusSeconds(7 * 86400),
				Map.of("REVERIFY_WINDOW", 10L, "WARNING", 5L, "CRITICAL", 3L, "EXPIRED", 1L));
	}

}
