package io.preverified.security;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /api/v1/session} alone: the name and role of the caller's key, as the console
 * reads them to offer only what the key may do.
 */
@WebMvcTest(SessionController.class)
@ApiSlice
class SessionControllerTests {

	@Autowired
	private MockMvcTester mvc;

	@Test
	void readKeyIsNamedWithItsRole() {
		assertThat(this.mvc.get().uri("/api/v1/session").header(HttpHeaders.AUTHORIZATION, ApiSlice.READER))
			.hasStatusOk()
			.bodyJson()
			.isLenientlyEqualTo("""
					{"key_name": "dashboards", "role": "READ", "open": false}""");
	}

	@Test
	void adminKeyIsNamedWithItsRole() {
		assertThat(this.mvc.get().uri("/api/v1/session").header(HttpHeaders.AUTHORIZATION, ApiSlice.ADMIN))
			.hasStatusOk()
			.bodyJson()
			.isLenientlyEqualTo("""
					{"key_name": "operators", "role": "ADMIN", "open": false}""");
	}

	@Test
	void noKeyOrAnUnknownKeyIsUnauthorized() {
		assertThat(this.mvc.get().uri("/api/v1/session")).hasStatus(HttpStatus.UNAUTHORIZED);
		assertThat(this.mvc.get().uri("/api/v1/session").header(HttpHeaders.AUTHORIZATION, "Bearer guessed-key"))
			.hasStatus(HttpStatus.UNAUTHORIZED);
	}

}
