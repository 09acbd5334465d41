package io.preverified.web;

import io.preverified.security.ApiSlice;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's routes alone: {@code /} leads to it and {@code /console} serves its page,
 * without a key, whatever keys the API asks for.
 */
@WebMvcTest(ConsoleConfiguration.class)
@ApiSlice
class ConsoleConfigurationTests {

	@Autowired
	private MockMvcTester mvc;

	@Test
	void rootLeadsToTheConsole() {
		assertThat(this.mvc.get().uri("/")).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/console");
	}

	@Test
	void consoleIsServedFromTheServicesOwnPage() {
		assertThat(this.mvc.get().uri("/console")).hasStatus(HttpStatus.OK).hasForwardedUrl("/console/index.html");
	}

}
