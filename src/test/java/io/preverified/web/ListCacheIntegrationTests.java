package io.preverified.web;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import io.preverified.IntegrationTests;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lists answered again while the database has not changed: never an answer older than
 * what any transaction committed, nor one that the time has changed.
 */
class ListCacheIntegrationTests extends IntegrationTests {

	private static final String NUMBERS = "/api/v1/numbers?business_id=" + BUSINESS_1;

	@Test
	void theSameAnswerComesAgainWithItsEntityTagAndAPollerThatHasItGetsNotModified() throws Exception {
		syncNumbers(BUSINESS_1, number("11", "VERIFIED", Instant.now().plus(Duration.ofDays(30))));
		MvcTestResult first = this.mvc.get().uri(NUMBERS).exchange();
		String etag = first.getResponse().getHeader(HttpHeaders.ETAG);

		MvcTestResult again = this.mvc.get().uri(NUMBERS).exchange();
		MvcTestResult poll = this.mvc.get().uri(NUMBERS).header(HttpHeaders.IF_NONE_MATCH, etag).exchange();

		assertThat(etag).isNotBlank();
		assertThat(again).hasStatus(HttpStatus.OK).hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON);
		assertThat(again.getResponse().getContentAsString()).isEqualTo(first.getResponse().getContentAsString());
		assertThat(again.getResponse().getHeader(HttpHeaders.ETAG)).isEqualTo(etag);
		assertThat(poll).hasStatus(HttpStatus.NOT_MODIFIED);
		assertThat(poll.getResponse().getContentAsByteArray()).isEmpty();
		assertThat(this.mvc.get().uri(NUMBERS).header(HttpHeaders.IF_NONE_MATCH, "\"another\"").exchange())
			.hasStatus(HttpStatus.OK);
	}

	@Test
	void aPollerWhoseAnswerIsTheSameGetsNotModifiedWhateverElseWasCommitted() throws Exception {
		syncNumbers(BUSINESS_1, number("16", "VERIFIED", Instant.now().plus(Duration.ofDays(30))));
		String etag = this.mvc.get().uri(NUMBERS).exchange().getResponse().getHeader(HttpHeaders.ETAG);

		syncNumbers(BUSINESS_2, number("17", "VERIFIED", Instant.now().plus(Duration.ofDays(30))));

		assertThat(this.mvc.get().uri(NUMBERS).header(HttpHeaders.IF_NONE_MATCH, etag).exchange())
			.hasStatus(HttpStatus.NOT_MODIFIED);
	}

	@Test
	void aCommitAnywhereIsSeenAtOnce() {
		syncNumbers(BUSINESS_1, number("12", "VERIFIED", Instant.now().plus(Duration.ofDays(30))));
		MvcTestResult before = this.mvc.get().uri(NUMBERS).exchange();
		assertThat(getJson(NUMBERS).at("/data/0/phone_number").asString()).isEqualTo("+155500012");

		// another connection, as another replica or a person at psql would write
		this.jdbc.update("update numbers set phone_number = '+155500099' where id = ?", id("12"));

		assertThat(getJson(NUMBERS).at("/data/0/phone_number").asString()).isEqualTo("+155500099");
		assertThat(this.mvc.get()
			.uri(NUMBERS)
			.header(HttpHeaders.IF_NONE_MATCH, before.getResponse().getHeader(HttpHeaders.ETAG))
			.exchange()).hasStatus(HttpStatus.OK);
	}

	@Test
	void aHoldThatEndsLeavesTheAnswerWithNothingElseChanged() {
		syncNumbers(BUSINESS_1, number("13", "VERIFIED", Instant.now().plus(Duration.ofDays(30))));
		long reservation = json
			.readTree(this.mvc.post()
				.uri("/api/v1/reservations")
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"business_id\": \"" + BUSINESS_1 + "\", \"hold_for\": \"PT5M\"}")
				.exchange()
				.getResponse()
				.getContentAsByteArray())
			.get("id")
			.asLong();
		assertThat(getJson(NUMBERS).at("/data/0/held_by").asLong()).isEqualTo(reservation);

		this.clock.set(Instant.now().plus(Duration.ofMinutes(6)));

		assertThat(getJson(NUMBERS).at("/data/0/held_by").isNull()).isTrue();
	}

	@Test
	void anAlertCountsDownWithTheClock() {
		Instant expiry = Instant.now().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.SECONDS);
		syncNumbers(BUSINESS_1, number("14", "VERIFIED", expiry));
		this.clock.set(expiry.minus(Duration.ofDays(2)));
		JsonNode first = getJson("/api/v1/alerts").at("/data/0");
		assertThat(first.get("expires_in_seconds").asLong()).isEqualTo(Duration.ofDays(2).toSeconds());

		this.clock.set(expiry.minus(Duration.ofDays(2)).plusSeconds(10));

		assertThat(getJson("/api/v1/alerts").at("/data/0/expires_in_seconds").asLong())
			.isEqualTo(Duration.ofDays(2).toSeconds() - 10);
	}

	@Test
	void aListThatCountsFromNowIsAnsweredAfresh() {
		Instant expiry = Instant.now().plus(Duration.ofDays(10));
		syncNumbers(BUSINESS_1, number("15", "VERIFIED", expiry));
		String expiring = NUMBERS + "&expiring_within=P11D";
		assertThat(getJson(expiring).get("data")).hasSize(1);

		this.clock.set(Instant.now().plus(Duration.ofDays(2)));

		assertThat(getJson(expiring).get("data")).hasSize(1);
		this.clock.set(expiry.plusSeconds(1));
		assertThat(getJson(expiring).get("data")).isEmpty();
	}

}
