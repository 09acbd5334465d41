package io.preverified.actions;

import java.time.Duration;
import java.time.Instant;

import io.preverified.IntegrationTests;
import io.preverified.graphapi.GraphApiFaults;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Asking for and verifying codes, adding and deleting numbers, against the fake Graph
 * API.
 */
@ExtendWith(OutputCaptureExtension.class)
class NumberActionsIntegrationTests extends IntegrationTests {

	private static final String NUMBER = "1001000000000001";

	@Test
	void requestThenVerifyStoresTheNumberAndResolvesItsAlertAtOnce(CapturedOutput output) throws Exception {
		syncNumbers(BUSINESS_1, number(NUMBER, "VERIFIED", Instant.now().plus(Duration.ofDays(2))));
		assertThat(getJson("/api/v1/alerts?business_id=" + BUSINESS_1).get("data")).hasSize(1);

		MvcTestResult requested = post("/api/v1/numbers/" + NUMBER + "/request-code",
				"{\"code_method\": \"VOICE\", \"language\": \"de_DE\"}");
		assertThat(requested).hasStatus(HttpStatus.ACCEPTED);
		JsonNode attempt = body(requested);
		assertThat(attempt.get("action").asString()).isEqualTo("REQUEST_CODE");
		assertThat(attempt.get("code_method").asString()).isEqualTo("VOICE");
		assertThat(attempt.get("outcome").asString()).isEqualTo("SUCCEEDED");
		String code = graphApi.lastCode(NUMBER).orElseThrow();
		String wrong = code.equals("271828") ? "314159" : "271828";

		MvcTestResult refused = post("/api/v1/numbers/" + NUMBER + "/verify-code", "{\"code\": \"" + wrong + "\"}");
		assertThat(refused).hasStatus(HttpStatus.UNPROCESSABLE_ENTITY);
		assertThat(body(refused).get("code").asInt()).isEqualTo(136025);

		MvcTestResult verified = post("/api/v1/numbers/" + NUMBER + "/verify-code",
				"{\"code\": \"" + code.substring(0, 3) + "-" + code.substring(3) + "\"}");
		assertThat(verified).hasStatus(HttpStatus.OK);
		JsonNode number = body(verified);
		assertThat(number.get("code_verification_status").asString()).isEqualTo("VERIFIED");
		assertThat(Instant.parse(number.get("verification_expiry_time").asString()))
			.isAfter(Instant.now().plus(Duration.ofDays(89)));
		JsonNode history = getJson("/api/v1/numbers/" + NUMBER + "/history").get("data").get(0);
		assertThat(history.get("cause").asString()).isEqualTo("VERIFY_CODE");
		assertThat(history.has("verification_expiry_time")).isTrue();
		assertThat(getJson("/api/v1/alerts?business_id=" + BUSINESS_1).get("data")).isEmpty();
		JsonNode attempts = getJson("/api/v1/numbers/" + NUMBER + "/verification-attempts").get("data");
		assertThat(attempts)
			.extracting((entry) -> entry.get("action").asString() + " " + entry.get("outcome").asString())
			.containsExactly("VERIFY_CODE SUCCEEDED", "VERIFY_CODE FAILED", "REQUEST_CODE SUCCEEDED");
		assertThat(attempts.get(1).get("error").get("code").asInt()).isEqualTo(136025);
		assertThat(this.mvc.get().uri("/actuator/prometheus").exchange().getResponse().getContentAsString())
			.contains("preverified_verification_attempts_total{action=\"VERIFY_CODE\",business_id=\"" + BUSINESS_1
					+ "\",outcome=\"FAILED\"} 1.0");
		// as a token of its own: six digits also occur inside ids and times
		assertThat(output.getAll()).doesNotContainPattern("(?<![0-9])(" + code + "|" + wrong + ")(?![0-9])");
		assertThat(attempts.toString()).doesNotContain(code, wrong);
	}

	@Test
	void requestForAVerifiedNumberOutsideTheWindowIsRefusedSayingWhenItOpens() {
		Instant expiry = Instant.now().plus(Duration.ofDays(80)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
		syncNumbers(BUSINESS_1, number(NUMBER, "VERIFIED", expiry));

		MvcTestResult refused = post("/api/v1/numbers/" + NUMBER + "/request-code", null);

		assertThat(refused).hasStatus(HttpStatus.CONFLICT);
		assertThat(body(refused).get("detail").asString()).contains(expiry.minus(Duration.ofDays(45)).toString());
		assertThat(graphApi.codesSent(NUMBER)).isZero();
	}

	@Test
	void codesPerNumberAreLimitedWithinTheWindow() {
		syncNumbers(BUSINESS_1, number(NUMBER, "NOT_VERIFIED", null));
		for (int i = 0; i < 3; i++) {
			assertThat(post("/api/v1/numbers/" + NUMBER + "/request-code", null)).hasStatus(HttpStatus.ACCEPTED);
		}

		MvcTestResult limited = post("/api/v1/numbers/" + NUMBER + "/request-code", null);

		assertThat(limited).hasStatus(HttpStatus.TOO_MANY_REQUESTS);
		assertThat(Long.parseLong(limited.getResponse().getHeader("Retry-After"))).isBetween(3500L, 3601L);
		assertThat(graphApi.codesSent(NUMBER)).isEqualTo(3);
	}

	@Test
	void unknownOrRemovedNumbersAndBadBodiesAreRefusedBeforeAnyCall() {
		syncNumbers(BUSINESS_1, number(NUMBER, "NOT_VERIFIED", null));
		syncNumbers(BUSINESS_1);
		int requests = graphApi.requests().size();

		assertThat(post("/api/v1/numbers/424242/request-code", null)).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(post("/api/v1/numbers/" + NUMBER + "/request-code", null)).hasStatus(HttpStatus.CONFLICT);
		assertThat(post("/api/v1/numbers/" + NUMBER + "/verify-code", "{\"code\": \"12\"}"))
			.hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(post("/api/v1/numbers/" + NUMBER + "/request-code", "{\"code_method\": \"PIGEON\"}"))
			.hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(this.mvc.delete().uri("/api/v1/numbers/" + NUMBER).exchange()).hasStatus(HttpStatus.CONFLICT);
		assertThat(graphApi.requests()).hasSize(requests);
	}

	@Test
	void requestThatTimesOutIsNotRetriedAndRecordedAsFailed() {
		syncNumbers(BUSINESS_1, number(NUMBER, "NOT_VERIFIED", null));
		graphApi.slowDown(Duration.ofSeconds(3), "/request_code");

		MvcTestResult failed = post("/api/v1/numbers/" + NUMBER + "/request-code", null);

		assertThat(failed).hasStatus(HttpStatus.BAD_GATEWAY);
		assertThat(body(failed).get("detail").asString()).contains("not retried");
		assertThat(graphApi.requests())
			.filteredOn((request) -> request.getUrl().encodedPath().endsWith("/request_code"))
			.hasSize(1);
		assertThat(getJson("/api/v1/numbers/" + NUMBER + "/verification-attempts").get("data")
			.get(0)
			.get("outcome")
			.asString()).isEqualTo("FAILED");
	}

	@Test
	void throttledRequestIsRetriedBecauseUpstreamDidNothing() {
		syncNumbers(BUSINESS_1, number(NUMBER, "NOT_VERIFIED", null));
		graphApi.intercept((call, request) -> (request.getUrl().encodedPath().endsWith("/request_code") && call == 1)
				? GraphApiFaults.error(400, 80008, "OAuthException", "(#80008) Too many calls") : null);

		assertThat(post("/api/v1/numbers/" + NUMBER + "/request-code", null)).hasStatus(HttpStatus.ACCEPTED);

		assertThat(graphApi.codesSent(NUMBER)).isOne();
	}

	@Test
	void addStoresANewNumberAtOnceAndRefusesInvalidOrListedOnes() {
		syncNumbers(BUSINESS_1, number(NUMBER, "VERIFIED", Instant.now().plus(Duration.ofDays(60))));

		MvcTestResult added = post("/api/v1/businesses/" + BUSINESS_1 + "/numbers",
				"{\"phone_number\": \"+1 (650) 555-0199\"}");

		assertThat(added).hasStatus(HttpStatus.CREATED);
		JsonNode number = body(added);
		assertThat(number.get("code_verification_status").asString()).isEqualTo("NOT_VERIFIED");
		assertThat(number.get("phone_number_e164").asString()).isEqualTo("+16505550199");
		assertThat(getJson("/api/v1/numbers/" + number.get("id").asString()).get("business_id").asString())
			.isEqualTo(BUSINESS_1);
		assertThat(post("/api/v1/businesses/" + BUSINESS_1 + "/numbers", "{\"phone_number\": \"+16505550199\"}"))
			.hasStatus(HttpStatus.CONFLICT);
		assertThat(post("/api/v1/businesses/" + BUSINESS_1 + "/numbers", "{\"phone_number\": \"+1 555\"}"))
			.hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(post("/api/v1/businesses/999/numbers", "{\"phone_number\": \"+16505550198\"}"))
			.hasStatus(HttpStatus.NOT_FOUND);
	}

	@Test
	void deleteRemovesTheNumberUpstreamAndHereWithItsReason() {
		syncNumbers(BUSINESS_1, number(NUMBER, "VERIFIED", Instant.now().plus(Duration.ofDays(60))));

		MvcTestResult deleted = this.mvc.delete().uri("/api/v1/numbers/" + NUMBER).exchange();

		assertThat(deleted).hasStatus(HttpStatus.OK);
		assertThat(body(deleted).get("removal_reason").asString()).isEqualTo("DELETED");
		assertThat(body(deleted).get("removed_at").isNull()).isFalse();
		assertThat(graphApi.numbers(BUSINESS_1)).isEmpty();
		JsonNode history = getJson("/api/v1/numbers/" + NUMBER + "/history").get("data").get(0);
		assertThat(history.get("removal_reason").asString()).isEqualTo("DELETED");
		assertThat(history.get("cause").asString()).isEqualTo("DELETE");
	}

	@Test
	void runRemovalsSayWhetherTheNumberWasClaimedOrUnverified() throws Exception {
		syncNumbers(BUSINESS_1, number("1001000000000002", "VERIFIED", Instant.now().plus(Duration.ofDays(60))),
				number("1001000000000003", "NOT_VERIFIED", null), number("1001000000000004", "EXPIRED", null));

		syncNumbers(BUSINESS_1);

		assertThat(getJson("/api/v1/numbers/1001000000000002").get("removal_reason").asString()).isEqualTo("CLAIMED");
		assertThat(getJson("/api/v1/numbers/1001000000000003").get("removal_reason").asString())
			.isEqualTo("UNVERIFIED");
		assertThat(getJson("/api/v1/numbers/1001000000000004").get("removal_reason").asString())
			.isEqualTo("UNVERIFIED");
		assertThat(
				getJson("/api/v1/numbers/1001000000000002/history").get("data").get(0).get("removal_reason").asString())
			.isEqualTo("CLAIMED");
		assertThat(this.mvc.get().uri("/actuator/prometheus").exchange().getResponse().getContentAsString())
			.contains("preverified_numbers_removed_total{business_id=\"" + BUSINESS_1 + "\",reason=\"UNVERIFIED\"}");
	}

	private MvcTestResult post(String uri, String body) {
		return (body != null)
				? this.mvc.post().uri(uri).contentType(MediaType.APPLICATION_JSON).content(body).exchange()
				: this.mvc.post().uri(uri).exchange();
	}

	private static JsonNode body(MvcTestResult result) {
		return json.readTree(result.getResponse().getContentAsByteArray());
	}

}
