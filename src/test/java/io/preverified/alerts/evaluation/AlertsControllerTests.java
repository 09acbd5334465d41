package io.preverified.alerts.evaluation;

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
 * {@code /api/v1/alerts} alone: its filters' problems, and who may acknowledge what.
 */
@WebMvcTest(AlertsController.class)
@ApiSlice
class AlertsControllerTests {

	@Autowired
	private MockMvcTester mvc;

	@MockitoBean
	private AlertQueries queries;

	@MockitoBean
	private AlertAcknowledger acknowledger;

	@Test
	void unknownSeverityOrStateIsAProblemNamingIt() {
		assertThat(
				this.mvc.get().uri("/api/v1/alerts?severity=LOUD").header(HttpHeaders.AUTHORIZATION, ApiSlice.READER))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.detail")
			.asString()
			.contains("severity");
		assertThat(this.mvc.get().uri("/api/v1/alerts?state=GONE").header(HttpHeaders.AUTHORIZATION, ApiSlice.READER))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.detail")
			.asString()
			.contains("state");
		assertThat(this.mvc.get().uri("/api/v1/alerts/seven").header(HttpHeaders.AUTHORIZATION, ApiSlice.READER))
			.hasStatus(HttpStatus.BAD_REQUEST);
	}

	@Test
	void resolvedAlertCannotBeAcknowledged() {
		given(this.acknowledger.acknowledge(7, null)).willThrow(new AlertResolvedException(7));

		assertThat(
				this.mvc.post().uri("/api/v1/alerts/7/acknowledge").header(HttpHeaders.AUTHORIZATION, ApiSlice.ADMIN))
			.hasStatus(HttpStatus.CONFLICT)
			.bodyJson()
			.extractingPath("$.detail")
			.asString()
			.contains("Alert 7 is resolved");
	}

	@Test
	void unknownAlertIsNotFound() {
		given(this.acknowledger.acknowledge(8, null)).willThrow(new UnknownAlertException(8));

		assertThat(
				this.mvc.post().uri("/api/v1/alerts/8/acknowledge").header(HttpHeaders.AUTHORIZATION, ApiSlice.ADMIN))
			.hasStatus(HttpStatus.NOT_FOUND);
	}

	@Test
	void readKeyCannotAcknowledge() {
		assertThat(
				this.mvc.post().uri("/api/v1/alerts/7/acknowledge").header(HttpHeaders.AUTHORIZATION, ApiSlice.READER))
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(this.mvc.post().uri("/api/v1/alerts/7/acknowledge")).hasStatus(HttpStatus.UNAUTHORIZED);
		then(this.acknowledger).shouldHaveNoInteractions();
	}

}
