package io.preverified.reservations;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.preverified.IntegrationTests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reservations over numbers synced from the fake Graph API.
 */
class ReservationsIntegrationTests extends IntegrationTests {

	private static final Duration DAY = Duration.ofDays(1);

	@Autowired
	private ReservationSweeper sweeper;

	@Test
	void reservationHoldsEligibleNumbersSoonestExpiryFirst() throws Exception {
		Instant now = Instant.now();
		syncNumbers(BUSINESS_1, number("11", "VERIFIED", now.plus(DAY.multipliedBy(30))),
				number("12", "VERIFIED", now.plus(DAY.multipliedBy(10))),
				number("13", "VERIFIED", now.plus(DAY.multipliedBy(3))), number("14", "NOT_VERIFIED", null),
				number("15", "EXPIRED", now.minus(DAY)), number("16", "VERIFIED", now.plus(DAY.multipliedBy(60))));

		MvcTestResult made = reserve("{\"business_id\": \"" + BUSINESS_1
				+ "\", \"count\": 2, \"valid_for\": \"P7D\", \"hold_for\": \"PT10M\", \"reference\": \"signup-4711\"}");

		assertThat(made).hasStatus(HttpStatus.CREATED);
		JsonNode reservation = body(made);
		assertThat(ids(reservation)).containsExactly("12", "11");
		assertThat(reservation.get("state").asString()).isEqualTo("HELD");
		assertThat(reservation.get("reference").asString()).isEqualTo("signup-4711");
		assertThat(reservation.get("embedded_signup").get("preVerifiedPhone").get("ids")).extracting(JsonNode::asString)
			.containsExactly("12", "11");
		assertThat(Duration.between(Instant.parse(reservation.get("created_at").asString()),
				Instant.parse(reservation.get("expires_at").asString())))
			.isEqualTo(Duration.ofMinutes(10));
		assertThat(getJson("/api/v1/numbers/12").get("held_by").asLong()).isEqualTo(reservation.get("id").asLong());

		MvcTestResult next = reserve("{\"count\": 1, \"valid_for\": \"P7D\"}");
		assertThat(ids(body(next))).containsExactly("16");
		MvcTestResult none = reserve("{\"count\": 1, \"valid_for\": \"P7D\"}");
		assertThat(none).hasStatus(HttpStatus.CONFLICT);
		assertThat(body(none).get("available").asInt()).isZero();
		this.sweeper.sweep();
		assertThat(this.mvc.get().uri("/actuator/prometheus").exchange().getResponse().getContentAsString())
			.contains("preverified_numbers_held{business_id=\"" + BUSINESS_1 + "\"} 3.0")
			.contains("preverified_reservations_total{business_id=\"" + BUSINESS_1 + "\",outcome=\"held\"} 2.0");
	}

	@Test
	void reservationIsAllOrNothing() {
		Instant now = Instant.now();
		syncNumbers(BUSINESS_1, number("21", "VERIFIED", now.plus(DAY.multipliedBy(30))),
				number("22", "VERIFIED", now.plus(DAY.multipliedBy(30))));

		MvcTestResult refused = reserve("{\"business_id\": \"" + BUSINESS_1 + "\", \"count\": 3}");

		assertThat(refused).hasStatus(HttpStatus.CONFLICT);
		assertThat(body(refused).get("available").asInt()).isEqualTo(2);
		assertThat(this.jdbc.queryForObject("select count(*) from numbers where held_by is not null", Integer.class))
			.isZero();
		assertThat(getJson("/api/v1/reservations").get("data")).isEmpty();
	}

	@Test
	void concurrentRequestsNeverHoldTheSameNumber() throws Exception {
		Instant now = Instant.now();
		List<Map<String, Object>> pool = new ArrayList<>();
		for (int i = 0; i < 25; i++) {
			pool.add(number(Integer.toString(100 + i), "VERIFIED", now.plus(DAY.multipliedBy(20 + i))));
		}
		syncNumbers(BUSINESS_1, pool.toArray(Map[]::new));
		ExecutorService clients = Executors.newFixedThreadPool(20);
		List<Callable<MvcTestResult>> requests = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			requests.add(() -> reserve("{\"business_id\": \"" + BUSINESS_1 + "\", \"count\": 2}"));
		}
		List<MvcTestResult> results = new ArrayList<>();
		for (Future<MvcTestResult> result : clients.invokeAll(requests)) {
			results.add(result.get());
		}
		clients.shutdown();

		List<String> held = new ArrayList<>();
		int refused = 0;
		for (MvcTestResult result : results) {
			if (result.getResponse().getStatus() == 201) {
				held.addAll(ids(body(result)));
			}
			else {
				assertThat(result).hasStatus(HttpStatus.CONFLICT);
				refused++;
			}
		}
		assertThat(held).doesNotHaveDuplicates().hasSize(24);
		assertThat(refused).isEqualTo(8);
	}

	@Test
	void releaseFreesTheNumbersOnceAndOnlyOnce() {
		syncNumbers(BUSINESS_1, number("31", "VERIFIED", Instant.now().plus(DAY.multipliedBy(30))));
		long id = body(reserve("{}")).get("id").asLong();

		MvcTestResult released = this.mvc.post().uri("/api/v1/reservations/{id}/release", id).exchange();

		assertThat(released).hasStatus(HttpStatus.OK);
		assertThat(body(released).get("state").asString()).isEqualTo("RELEASED");
		assertThat(getJson("/api/v1/numbers/31").get("held_by").isNull()).isTrue();
		assertThat(this.mvc.post().uri("/api/v1/reservations/{id}/release", id).exchange())
			.hasStatus(HttpStatus.CONFLICT);
		assertThat(this.mvc.post().uri("/api/v1/reservations/424242/release").exchange())
			.hasStatus(HttpStatus.NOT_FOUND);
		assertThat(reserve("{}")).hasStatus(HttpStatus.CREATED);
	}

	@Test
	void reservationForACountryHoldsNumbersOfThatCountryOnly() {
		Instant month = Instant.now().plus(DAY.multipliedBy(30));
		syncNumbers(BUSINESS_1, number("61", "VERIFIED", month), number("62", "VERIFIED", month.plus(DAY)),
				number("63", "VERIFIED", month.plus(DAY.multipliedBy(2))));
		this.jdbc
			.update("update numbers set phone_number = '+44 20 7946 0' || id, phone_number_e164 = '+442079460' || id "
					+ "where id in (?, ?)", id("62"), id("63"));
		this.jdbc.update("update numbers set phone_number_e164 = '+12025550161' where id = ?", id("61"));

		JsonNode british = body(reserve("{\"country_calling_code\": \"44\", \"count\": 2}"));

		assertThat(british.get("numbers")).extracting((number) -> name(number.get("id").asString()))
			.containsExactly("62", "63");
		assertThat(reserve("{\"country_calling_code\": \"44\"}")).hasStatus(HttpStatus.CONFLICT);
		assertThat(body(reserve("{\"country_calling_code\": \"1\"}")).at("/numbers/0/id").asString())
			.isEqualTo(id("61"));
	}

	@Test
	void holdEndsByItselfAtItsTime() {
		syncNumbers(BUSINESS_1, number("41", "VERIFIED", Instant.now().plus(DAY.multipliedBy(30))));
		long id = body(reserve("{\"hold_for\": \"PT5M\"}")).get("id").asLong();
		this.clock.set(Instant.now().plus(Duration.ofMinutes(6)));

		assertThat(getJson("/api/v1/reservations/" + id).get("state").asString()).isEqualTo("EXPIRED");
		// filtered as shown, whether or not the sweep recorded it yet
		assertThat(getJson("/api/v1/reservations?state=HELD").get("data")).isEmpty();
		assertThat(getJson("/api/v1/reservations?state=EXPIRED").at("/data/0/id").asLong()).isEqualTo(id);
		assertThat(reserve("{}")).hasStatus(HttpStatus.CREATED);
		this.sweeper.sweep();
		assertThat(this.jdbc.queryForObject("select state from reservations where id = ?", String.class, id))
			.isEqualTo("EXPIRED");
	}

	@Test
	void heldNumberClaimedUpstreamEndsItsReservationAndFreesTheOthers() {
		Instant now = Instant.now();
		Map<String, Object> kept = number("52", "VERIFIED", now.plus(DAY.multipliedBy(30)));
		syncNumbers(BUSINESS_1, number("51", "VERIFIED", now.plus(DAY.multipliedBy(20))), kept);
		long id = body(reserve("{\"count\": 2}")).get("id").asLong();
		assertThat(this.mvc.delete().uri("/api/v1/numbers/51").exchange()).hasStatus(HttpStatus.CONFLICT);

		syncNumbers(BUSINESS_1, kept);

		JsonNode claimed = getJson("/api/v1/reservations/" + id);
		assertThat(claimed.get("state").asString()).isEqualTo("CLAIMED");
		assertThat(claimed.get("claimed_number_id").asString()).isEqualTo("51");
		assertThat(getJson("/api/v1/numbers/51").get("removal_reason").asString()).isEqualTo("CLAIMED");
		assertThat(getJson("/api/v1/numbers/52").get("held_by").isNull()).isTrue();
		assertThat(ids(body(reserve("{}")))).containsExactly("52");
	}

	@ParameterizedTest
	@CsvSource(delimiter = ';', textBlock = """
			{"count": 0} ; count
			{"count": 101} ; count
			{"valid_for": "two weeks"} ; valid_for
			{"valid_for": "-P1D"} ; valid_for
			{"hold_for": "PT0S"} ; hold_for
			{"hold_for": "P2D"} ; hold_for
			{"hold_for": "P999999999D"} ; hold_for
			""")
	void badInputIsABadRequestNamingTheField(String body, String field) {
		MvcTestResult refused = reserve(body);

		assertThat(refused).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(body(refused).get("errors").get(0).get("parameter").asString()).isEqualTo(field);
	}

	@Test
	void longReferenceAndUnknownBusinessAreRefused() {
		MvcTestResult longReference = reserve("{\"reference\": \"" + "x".repeat(201) + "\"}");
		assertThat(longReference).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(body(longReference).get("errors").get(0).get("parameter").asString()).isEqualTo("reference");
		assertThat(reserve("{\"business_id\": \"999\"}")).hasStatus(HttpStatus.NOT_FOUND);
	}

	private MvcTestResult reserve(String body) {
		return this.mvc.post()
			.uri("/api/v1/reservations")
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)
			.exchange();
	}

	private static List<String> ids(JsonNode reservation) {
		List<String> ids = new ArrayList<>();
		reservation.get("numbers").forEach((number) -> ids.add(number.get("id").asString()));
		return ids;
	}

	private static JsonNode body(MvcTestResult result) {
		return json.readTree(result.getResponse().getContentAsByteArray());
	}

}
