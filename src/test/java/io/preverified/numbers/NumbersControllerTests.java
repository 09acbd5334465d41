package io.preverified.numbers;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.preverified.security.ApiSlice;
import io.preverified.web.ListResponse;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;

/**
 * {@code /api/v1/numbers} alone: how its parameters are read, its problems and who may
 * call it.
 */
@WebMvcTest(NumbersController.class)
@ApiSlice
class NumbersControllerTests {

	@Autowired
	private MockMvcTester mvc;

	@MockitoBean
	private NumberQueries queries;

	@Test
	void filtersAreReadIntoOneFilterAndTheLimit() {
		given(this.queries.find(any(), anyInt())).willReturn(ListResponse.of(List.of()));

		assertThat(this.mvc.get()
			.uri("/api/v1/numbers?business_id=1001&status=VERIFIED&phone_number= 15551234567&expiring_within=P14D"
					+ "&include_removed=true&limit=5")
			.header(HttpHeaders.AUTHORIZATION, ApiSlice.READER)).hasStatusOk();

		then(this.queries).should()
			.find(eq(new NumberFilter("1001", CodeVerificationStatus.VERIFIED, "+15551234567", Duration.ofDays(14),
					true, null)), eq(5));
	}

	@Test
	void cursorOfAPageLeadsToTheNext() throws Exception {
		// the envelope's next link is built from the request being served
		given(this.queries.find(any(), anyInt()))
			.willAnswer((invocation) -> ListResponse.of(List.of(number("1656634000012859"), number("1656634000012860")),
					1, NumberResponse::id, (number) -> number));
		String after = this.mvc.get()
			.uri("/api/v1/numbers?limit=1")
			.header(HttpHeaders.AUTHORIZATION, ApiSlice.READER)
			.exchange()
			.getResponse()
			.getContentAsString()
			.replaceAll(".*\"after\":\"([^\"]+)\".*", "$1");

		assertThat(this.mvc.get()
			.uri("/api/v1/numbers?limit=1&after=" + after)
			.header(HttpHeaders.AUTHORIZATION, ApiSlice.READER)).hasStatusOk();

		then(this.queries).should()
			.find(eq(new NumberFilter(null, null, null, null, false, "1656634000012859")), eq(1));
	}

	@Test
	void badParametersAreProblemsNamingThem() {
		assertProblem("/api/v1/numbers?limit=0", "limit");
		assertProblem("/api/v1/numbers?limit=1001", "limit");
		assertProblem("/api/v1/numbers?status=SOMETIMES", "status");
		assertProblem("/api/v1/numbers?expiring_within=two-weeks", "expiring_within");
		assertProblem("/api/v1/numbers?after=not-a-cursor", "after");
		assertProblem("/api/v1/numbers?include_removed=maybe", "include_removed");
	}

	@Test
	void unknownNumberIsNotFound() {
		given(this.queries.get("404")).willThrow(new UnknownNumberException("404"));

		assertThat(this.mvc.get().uri("/api/v1/numbers/404").header(HttpHeaders.AUTHORIZATION, ApiSlice.READER))
			.hasStatus(HttpStatus.NOT_FOUND)
			.bodyJson()
			.extractingPath("$.detail")
			.asString()
			.contains("Number 404 does not exist");
	}

	@Test
	void numbersNeedAKey() {
		assertThat(this.mvc.get().uri("/api/v1/numbers")).hasStatus(HttpStatus.UNAUTHORIZED)
			.bodyJson()
			.extractingPath("$.status")
			.isEqualTo(401);
		assertThat(this.mvc.get().uri("/api/v1/numbers").header(HttpHeaders.AUTHORIZATION, "Bearer guessed"))
			.hasStatus(HttpStatus.UNAUTHORIZED);
	}

	private void assertProblem(String uri, String parameter) {
		assertThat(this.mvc.get().uri(uri).header(HttpHeaders.AUTHORIZATION, ApiSlice.READER)).as(uri)
			.hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.detail")
			.asString()
			.contains(parameter);
	}

	private static NumberResponse number(String id) {
		return new NumberResponse(id, "1001", "+15551234567", "+15551234567", "VERIFIED", null, null, null,
				Instant.EPOCH, Instant.EPOCH, null, null, null, null);
	}

}
