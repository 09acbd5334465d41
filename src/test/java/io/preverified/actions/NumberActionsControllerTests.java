package io.preverified.actions;

import java.time.Duration;
import java.time.Instant;

import io.preverified.graphapi.GraphApiError;
import io.preverified.security.ApiSlice;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;

/**
 * The actions on numbers alone: what their bodies may hold, the problems that upstream's
 * answers become, and that only an ADMIN key acts.
 */
@WebMvcTest(NumberActionsController.class)
@ApiSlice
class NumberActionsControllerTests {

	@Autowired
	private MockMvcTester mvc;

	@MockitoBean
	private NumberReverifier reverifier;

	@MockitoBean
	private PoolEditor pool;

	@Test
	void codeRequestDefaultsToSmsInEnglishAndNamesTheKeyThatAsked() {
		given(this.reverifier.requestCode("1656634000012859", "SMS", "en_US", "operators"))
			.willReturn(new VerificationAttemptResponse(1, "1656634000012859", "REQUEST_CODE", "SMS", "en_US",
					"operators", Instant.EPOCH, "SUCCEEDED", null));

		assertThat(post("/api/v1/numbers/1656634000012859/request-code", "{}", ApiSlice.ADMIN))
			.hasStatus(HttpStatus.ACCEPTED)
			.bodyJson()
			.extractingPath("$.requested_by")
			.isEqualTo("operators");
	}

	@Test
	void badBodiesAreProblemsNamingTheField() {
		assertThat(post("/api/v1/numbers/1/request-code", "{\"code_method\": \"FAX\"}", ApiSlice.ADMIN))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.detail")
			.asString()
			.contains("code_method");
		assertThat(post("/api/v1/numbers/1/request-code", "{\"language\": \"english\"}", ApiSlice.ADMIN))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.detail")
			.asString()
			.contains("language");
		MvcTestResult badCode = post("/api/v1/numbers/1/verify-code", "{\"code\": \"12ab\"}", ApiSlice.ADMIN);
		assertThat(badCode).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(badCode.getResponse().getContentAsByteArray()).asString().contains("code").doesNotContain("12ab");
		then(this.reverifier).shouldHaveNoInteractions();
	}

	@Test
	void upstreamsAnswersBecomeTheirProblems() {
		given(this.reverifier.verifyCode(anyString(), anyString(), any())).willThrow(
				new UpstreamRefusedException("the code", new GraphApiError(400, UpstreamRefusedException.WRONG_CODE,
						null, "OAuthException", "Verify code error", "AWrong", false)));
		given(this.reverifier.requestCode(anyString(), anyString(), anyString(), any()))
			.willThrow(new TooManyAttemptsException("1",
					new AttemptLimit("REQUEST_CODE", 3, Duration.ofHours(1), "codes asked for", "a limit"),
					Duration.ofMinutes(20)));

		assertThat(post("/api/v1/numbers/1/verify-code", "{\"code\": \"123456\"}", ApiSlice.ADMIN))
			.hasStatus(HttpStatus.UNPROCESSABLE_ENTITY)
			.bodyJson()
			.extractingPath("$.fbtrace_id")
			.isEqualTo("AWrong");
		assertThat(post("/api/v1/numbers/1/request-code", "{}", ApiSlice.ADMIN))
			.hasStatus(HttpStatus.TOO_MANY_REQUESTS);
	}

	@Test
	void onlyAnAdminKeyActs() {
		assertThat(post("/api/v1/numbers/1/request-code", "{}", ApiSlice.READER)).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(post("/api/v1/numbers/1/verify-code", "{\"code\": \"123456\"}", ApiSlice.READER))
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(post("/api/v1/businesses/1001/numbers", "{\"phone_number\": \"+16505550123\"}", ApiSlice.READER))
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(this.mvc.delete().uri("/api/v1/numbers/1").header(HttpHeaders.AUTHORIZATION, ApiSlice.READER))
			.hasStatus(HttpStatus.FORBIDDEN);
		then(this.reverifier).shouldHaveNoInteractions();
		then(this.pool).shouldHaveNoInteractions();
	}

	private MvcTestResult post(String uri, String body, String authorization) {
		return this.mvc.post()
			.uri(uri)
			.header(HttpHeaders.AUTHORIZATION, authorization)
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)
			.exchange();
	}

}
