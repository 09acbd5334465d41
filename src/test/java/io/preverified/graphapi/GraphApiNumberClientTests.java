package io.preverified.graphapi;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The calls on single numbers and WABAs, against a fake server: what each sends upstream
 * and how it reads the answer, an answer without what it needs included.
 */
class GraphApiNumberClientTests {

	private static final String BUSINESS = "506914307656634";

	private static final String TOKEN = "EAAG-number-client-token";

	private final MockWebServer server = new MockWebServer();

	private GraphApiNumberClient client;

	@BeforeEach
	void start() throws IOException {
		this.server.start(0);
		GraphApiProperties properties = new GraphApiProperties(this.server.url("/").toString().replaceAll("/$", ""),
				"v25.0", null, 100, Duration.ofSeconds(1), Duration.ofSeconds(2),
				new GraphApiProperties.Retry(3, Duration.ofMillis(100), Duration.ofSeconds(1)));
		this.client = new GraphApiNumberClient(
				GraphApiTestTransport.create(properties, new SimpleMeterRegistry(), new RecordingPauseScheduler()));
	}

	@AfterEach
	void stop() {
		this.server.close();
	}

	@Test
	void codeIsAskedForAndVerifiedWithAFormPostOnTheNumber() throws Exception {
		answer("{\"success\": true}");
		answer("{\"success\": true}");

		this.client.requestCode(BUSINESS, "1656634000012859", TOKEN, "VOICE", "de_DE").block();
		this.client.verifyCode(BUSINESS, "1656634000012859", TOKEN, "519731").block();

		RecordedRequest request = this.server.takeRequest();
		assertThat(request.getMethod()).isEqualTo("POST");
		assertThat(request.getUrl().encodedPath()).isEqualTo("/v25.0/1656634000012859/request_code");
		assertThat(request.getBody().utf8()).contains("code_method=VOICE", "language=de_DE");
		RecordedRequest verify = this.server.takeRequest();
		assertThat(verify.getUrl().encodedPath()).isEqualTo("/v25.0/1656634000012859/verify_code");
		assertThat(verify.getBody().utf8()).contains("code=519731");
	}

	@Test
	void numberIsReadWithTheFieldsOfAListingAndOneWithoutAValidIdIsAnError() throws Exception {
		answer("""
				{"id": "1656634000012859", "phone_number": "+1 650-555-0123", "code_verification_status": "VERIFIED",
				 "verification_expiry_time": "2027-03-02T19:15:27+0000"}""");
		answer("{\"id\": \"not-an-id\"}");

		FetchedNumber number = this.client.number(BUSINESS, "1656634000012859", TOKEN).block();

		assertThat(number.id()).isEqualTo("1656634000012859");
		assertThat(number.codeVerificationStatus()).isEqualTo("VERIFIED");
		assertThat(this.server.takeRequest().getUrl().queryParameter("fields")).isEqualTo(GraphApiClient.FIELDS);
		assertThatExceptionOfType(GraphApiException.class)
			.isThrownBy(() -> this.client.number(BUSINESS, "1656634000012859", TOKEN).block())
			.withMessageContaining("without a valid id");
	}

	@Test
	void displayNumberAndWabaNumbersAreReadAndWhatIsNotAnIdIsLeftOut() throws Exception {
		answer("{\"display_phone_number\": \"+1 650-555-0199\", \"id\": \"106540352242922\"}");
		answer("""
				{"data": [{"id": "106540352242922", "display_phone_number": "+1 650-555-0199"},
				          {"id": "x", "display_phone_number": "+1 650-555-0100"}]}""");
		answer("{\"id\": \"106540352242922\"}");

		assertThat(this.client.displayPhoneNumber(BUSINESS, "106540352242922", TOKEN).block())
			.isEqualTo("+1 650-555-0199");
		assertThat(this.client.wabaPhoneNumbers(BUSINESS, "8800000000000042", TOKEN).block())
			.containsExactly(new WabaPhoneNumber("106540352242922", "+1 650-555-0199"));
		assertThatExceptionOfType(GraphApiException.class)
			.isThrownBy(() -> this.client.displayPhoneNumber(BUSINESS, "106540352242922", TOKEN).block())
			.withMessageContaining("display_phone_number");

		this.server.takeRequest();
		RecordedRequest waba = this.server.takeRequest();
		assertThat(waba.getUrl().encodedPath()).isEqualTo("/v25.0/8800000000000042/phone_numbers");
		assertThat(waba.getUrl().queryParameter("fields")).isEqualTo("id,display_phone_number");
	}

	@Test
	void numberIsAddedToTheBusinessAndDeletedByItsId() throws Exception {
		answer("{\"id\": \"1656634000099999\"}");
		answer("{\"success\": true}");

		assertThat(this.client.addPhoneNumber(BUSINESS, TOKEN, "+16505550123").block()).isEqualTo("1656634000099999");
		this.client.delete(BUSINESS, "1656634000099999", TOKEN).block();

		RecordedRequest add = this.server.takeRequest();
		assertThat(add.getUrl().encodedPath()).isEqualTo("/v25.0/" + BUSINESS + "/add_phone_numbers");
		assertThat(add.getBody().utf8()).contains("phone_number=%2B16505550123");
		RecordedRequest delete = this.server.takeRequest();
		assertThat(delete.getMethod()).isEqualTo("DELETE");
		assertThat(delete.getUrl().encodedPath()).isEqualTo("/v25.0/1656634000099999");
		assertThat(List.of(add, delete)).allSatisfy(
				(request) -> assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + TOKEN));
	}

	private void answer(String body) {
		this.server.enqueue(new MockResponse.Builder().code(200)
			.setHeader("Content-Type", "application/json; charset=UTF-8")
			.body(body)
			.build());
	}

}
