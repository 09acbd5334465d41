package io.preverified.reservations;

import java.time.Duration;
import java.time.Instant;

import io.preverified.IntegrationTests;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Ending a reservation with Embedded Signup's FINISH message: upstream names the phone
 * number the customer registered, and the reservation's number with it is claimed.
 */
class ReservationCompletionIntegrationTests extends IntegrationTests {

	private static final String WABA = "8800000000000001";

	private static final String CUSTOMER = "7700000000000001";

	@Test
	void finishClaimsTheReservedNumberItNamesAndFreesTheOthers() throws Exception {
		long reservationId = reserveTwo();
		String phoneNumberId = graphApi.claim(BUSINESS_1, "9012", WABA);

		MvcTestResult completed = complete(reservationId, phoneNumberId);

		assertThat(completed).hasStatus(HttpStatus.OK);
		JsonNode reservation = body(completed);
		assertThat(reservation.get("state").asString()).isEqualTo("CLAIMED");
		assertThat(reservation.get("claimed_number_id").asString()).isEqualTo("9012");
		JsonNode number = getJson("/api/v1/numbers/9012");
		assertThat(number.get("removal_reason").asString()).isEqualTo("CLAIMED");
		assertThat(number.get("removed_at").isNull()).isFalse();
		JsonNode claim = number.get("claim");
		assertThat(claim.get("source").asString()).isEqualTo("SIGNUP");
		assertThat(claim.get("phone_number_id").asString()).isEqualTo(phoneNumberId);
		assertThat(claim.get("waba_id").asString()).isEqualTo(WABA);
		assertThat(claim.get("customer_business_id").asString()).isEqualTo(CUSTOMER);
		assertThat(claim.get("reservation_id").asLong()).isEqualTo(reservationId);
		assertThat(claim.get("phone_number").asString()).isEqualTo("+15550009012");
		assertThat(getJson("/api/v1/numbers/9011").get("held_by").isNull()).isTrue();
		assertThat(getJson("/api/v1/claims?business_id=" + BUSINESS_1).get("data")).hasSize(1);
		assertThat(getJson("/api/v1/claims?source=WEBHOOK").get("data")).isEmpty();
		assertThat(this.mvc.get().uri("/actuator/prometheus").exchange().getResponse().getContentAsString())
			.contains("preverified_claims_total{business_id=\"" + BUSINESS_1 + "\",source=\"SIGNUP\"} 1.0");

		await().atMost(Duration.ofSeconds(10))
			.until(() -> webhookReceiver.accepted()
				.stream()
				.anyMatch((delivery) -> delivery.body().contains("\"status\":\"claimed\"")));
		JsonNode notified = json.readTree(webhookReceiver.accepted()
			.stream()
			.filter((delivery) -> delivery.body().contains("\"status\":\"claimed\""))
			.findFirst()
			.orElseThrow()
			.body());
		assertThat(notified.get("business_id").asString()).isEqualTo(BUSINESS_1);
		assertThat(notified.get("claims").get(0).get("number_id").asString()).isEqualTo("9012");
		assertThat(notified.get("claims").get(0).get("waba_id").asString()).isEqualTo(WABA);

		// the same FINISH again changes nothing
		assertThat(complete(reservationId, phoneNumberId)).hasStatus(HttpStatus.OK);
		assertThat(this.jdbc.queryForObject("select count(*) from claims", Integer.class)).isOne();
		// the next run no longer lists it: nothing more happens
		assertThat(syncAndWait(BUSINESS_1).get("removed").asInt()).isZero();
		assertThat(this.jdbc.queryForObject("select count(*) from claims", Integer.class)).isOne();
	}

	@Test
	void finishForANumberNoneOfTheReservationsIsRefusedAndChangesNothing() {
		long reservationId = reserveTwo();
		String otherPhone = graphApi.claim(BUSINESS_1, "9013", WABA);

		MvcTestResult wrong = complete(reservationId, otherPhone);

		assertThat(wrong).hasStatus(HttpStatus.UNPROCESSABLE_ENTITY);
		assertThat(body(wrong).get("detail").asString()).contains("+15550009013");
		assertThat(getJson("/api/v1/reservations/" + reservationId).get("state").asString()).isEqualTo("HELD");
		assertThat(this.jdbc.queryForObject("select count(*) from claims", Integer.class)).isZero();
	}

	@Test
	void finishForAReservationThatEndedOtherwiseIsAConflict() {
		long reservationId = reserveTwo();
		assertThat(this.mvc.post().uri("/api/v1/reservations/{id}/release", reservationId).exchange())
			.hasStatus(HttpStatus.OK);
		String phoneNumberId = graphApi.claim(BUSINESS_1, "9012", WABA);

		assertThat(complete(reservationId, phoneNumberId)).hasStatus(HttpStatus.CONFLICT);
		assertThat(this.mvc.post()
			.uri("/api/v1/reservations/{id}/complete", reservationId)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"phone_number_id\": \"../../me\"}")
			.exchange()).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(complete(424242, phoneNumberId)).hasStatus(HttpStatus.NOT_FOUND);
	}

	@Test
	void reservedNumberARunNoLongerListsIsClaimedBySync() {
		long reservationId = reserveTwo();
		graphApi.claim(BUSINESS_1, "9011", WABA);

		syncAndWait(BUSINESS_1);

		JsonNode claim = getJson("/api/v1/numbers/9011").get("claim");
		assertThat(claim.get("source").asString()).isEqualTo("SYNC");
		assertThat(claim.get("reservation_id").asLong()).isEqualTo(reservationId);
		assertThat(claim.get("waba_id").isNull()).isTrue();
		assertThat(getJson("/api/v1/reservations/" + reservationId).get("state").asString()).isEqualTo("CLAIMED");
	}

	private long reserveTwo() {
		Instant now = Instant.now();
		syncNumbers(BUSINESS_1, number("9011", "VERIFIED", now.plus(Duration.ofDays(40))),
				number("9012", "VERIFIED", now.plus(Duration.ofDays(50))),
				number("9013", "VERIFIED", now.plus(Duration.ofDays(60))));
		MvcTestResult made = this.mvc.post()
			.uri("/api/v1/reservations")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"business_id\": \"" + BUSINESS_1 + "\", \"count\": 2}")
			.exchange();
		assertThat(made).hasStatus(HttpStatus.CREATED);
		return body(made).get("id").asLong();
	}

	private MvcTestResult complete(long reservationId, String phoneNumberId) {
		return this.mvc.post()
			.uri("/api/v1/reservations/{id}/complete", reservationId)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"phone_number_id\": \"" + phoneNumberId + "\", \"waba_id\": \"" + WABA
					+ "\", \"business_id\": \"" + CUSTOMER + "\"}")
			.exchange();
	}

	private static JsonNode body(MvcTestResult result) {
		return json.readTree(result.getResponse().getContentAsByteArray());
	}

}
