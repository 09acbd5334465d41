package io.preverified.reservations;

import java.time.Duration;

import io.preverified.security.ApiSlice;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;

/**
 * {@code /api/v1/reservations} alone: what a request may ask for, with the default
 * settings, and the conflicts it can meet.
 */
@WebMvcTest(ReservationsController.class)
@Import(ReservationsConfiguration.class)
@ApiSlice
class ReservationsControllerTests {

	@Autowired
	private MockMvcTester mvc;

	// the configuration's lookup of a reservation's business, which this slice never
	// calls
	@MockitoBean
	private JdbcClient jdbc;

	@MockitoBean
	private ReservationService reservations;

	@MockitoBean
	private ReservationCompletion completion;

	@Test
	void requestIsTakenWithTheDefaultsForWhatItDoesNotSay() {
		post("{\"business_id\": \"1001\", \"reference\": \"signup-4711\"}", ApiSlice.ADMIN);

		then(this.reservations).should()
			.reserve(new ReservationService.ReservationRequest("1001", 1, Duration.ofDays(7), Duration.ofMinutes(30),
					"signup-4711", null));
	}

	@Test
	void requestsOutOfBoundsAreProblemsNamingTheField() {
		assertProblem("{\"count\": 0}", "count");
		assertProblem("{\"country_calling_code\": \"+44\"}", "country_calling_code");
		assertProblem("{\"country_calling_code\": \"0044\"}", "country_calling_code");
		assertProblem("{\"country_calling_code\": \"999\"}", "country_calling_code");
		assertProblem("{\"count\": 101}", "count");
		assertProblem("{\"hold_for\": \"P2D\"}", "hold_for");
		assertProblem("{\"valid_for\": \"-P1D\"}", "valid_for");
		assertProblem("{\"reference\": \"" + "r".repeat(201) + "\"}", "reference");
		then(this.reservations).shouldHaveNoInteractions();
	}

	@Test
	void tooFewFreeNumbersIsAConflictSayingHowManyAre() {
		given(this.reservations.reserve(any())).willThrow(new NotEnoughNumbersException(5, 2, Duration.ofDays(7)));

		assertThat(post("{\"count\": 5}", ApiSlice.ADMIN)).hasStatus(HttpStatus.CONFLICT)
			.bodyJson()
			.extractingPath("$.available")
			.isEqualTo(2);
	}

	@Test
	void endedReservationCannotBeReleasedAndReadKeysCannotReserve() {
		given(this.reservations.release(7)).willThrow(new ReservationEndedException(7, "EXPIRED"));

		assertThat(
				this.mvc.post().uri("/api/v1/reservations/7/release").header(HttpHeaders.AUTHORIZATION, ApiSlice.ADMIN))
			.hasStatus(HttpStatus.CONFLICT);
		assertThat(post("{}", ApiSlice.READER)).hasStatus(HttpStatus.FORBIDDEN);
	}

	private void assertProblem(String body, String field) {
		assertThat(post(body, ApiSlice.ADMIN)).as(body)
			.hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.detail")
			.asString()
			.contains(field);
	}

	private MvcTestResult post(String body, String authorization) {
		return this.mvc.post()
			.uri("/api/v1/reservations")
			.header(HttpHeaders.AUTHORIZATION, authorization)
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)
			.exchange();
	}

}
