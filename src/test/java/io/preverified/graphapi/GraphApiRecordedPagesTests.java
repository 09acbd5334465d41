package io.preverified.graphapi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
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
 * {@link GraphApiClient} reading pages as the Graph API sends them, recorded under
 * {@code src/test/resources/graphapi/pages}: a first, a middle and a last page, an empty
 * pool, and an error body.
 */
class GraphApiRecordedPagesTests {

	private static final String BUSINESS = "506914307656634";

	private static final String TOKEN = "EAAG-test-token";

	private final MockWebServer server = new MockWebServer();

	@BeforeEach
	void startServer() throws IOException {
		this.server.start(0);
	}

	@AfterEach
	void stopServer() {
		this.server.close();
	}

	@Test
	void pagesAreReadAndFollowedByTheirCursorUntilThePageWithoutNext() throws Exception {
		answer(200, "first.json");
		answer(200, "middle.json");
		answer(200, "last.json");

		List<NumbersPage> pages = client().fetchNumbers(BUSINESS, TOKEN, PauseListener.NONE).collectList().block();

		assertThat(pages).hasSize(3);
		assertThat(pages.get(0).numbers()).containsExactly(
				new FetchedNumber("1234567890123456", "+15551234567", "VERIFIED", Instant.ofEpochSecond(1705312200),
						Instant.ofEpochSecond(1713088200), "506914307656634", "Acme"),
				new FetchedNumber("2345678901234567", "+44 20 1234 5678", "NOT_VERIFIED", null, null, null, null));
		assertThat(pages.get(1).numbers()).containsExactly(new FetchedNumber("3456789012345678", "+1 211-555-5105",
				"VERIFIED", Instant.parse("2023-04-14T22:12:31Z"), Instant.parse("2023-07-13T22:12:31Z"), null, null));
		assertThat(pages.get(1).skipped()).as("a record without an id").isEqualTo(1);
		assertThat(pages.get(2).numbers()).extracting(FetchedNumber::id).containsExactly("4567890123456789");
		RecordedRequest first = this.server.takeRequest();
		RecordedRequest second = this.server.takeRequest();
		assertThat(first.getUrl().queryParameter("after")).isNull();
		// the next link carries an access token: only its cursor is used, from the
		// configured base URL
		assertThat(second.getUrl().queryParameter("after")).isEqualTo("QVFIUjJ5WjBpMGpJWXprYzVYaVhabW9PVks4ZD0");
		assertThat(second.getUrl().queryParameter("access_token")).isNull();
		assertThat(second.getUrl().host()).isEqualTo(this.server.getHostName());
		assertThat(this.server.takeRequest().getUrl().queryParameter("after")).isEqualTo("QVFIUm1pZGRsZQ");
		assertThat(this.server.getRequestCount()).isEqualTo(3);
	}

	@Test
	void emptyPoolIsOneEmptyPage() {
		answer(200, "empty.json");

		List<NumbersPage> pages = client().fetchNumbers(BUSINESS, TOKEN, PauseListener.NONE).collectList().block();

		assertThat(pages).singleElement().satisfies((page) -> assertThat(page.numbers()).isEmpty());
		assertThat(this.server.getRequestCount()).isEqualTo(1);
	}

	@Test
	void expiredTokenIsAnErrorWithUpstreamsCodeAndTraceAndIsNotRetried() {
		answer(401, "error-190.json");

		assertThatExceptionOfType(GraphApiException.class)
			.isThrownBy(() -> client().fetchNumbers(BUSINESS, TOKEN, PauseListener.NONE).collectList().block())
			.satisfies((ex) -> {
				assertThat(ex.getError().code()).isEqualTo(190);
				assertThat(ex.getError().subcode()).isEqualTo(463);
				assertThat(ex.getError().fbtraceId()).isEqualTo("AbRecorded190");
				assertThat(ex.getError().message()).startsWith("Error validating access token");
			});
		assertThat(this.server.getRequestCount()).isEqualTo(1);
	}

	private void answer(int status, String page) {
		this.server.enqueue(new MockResponse.Builder().code(status)
			.setHeader("Content-Type", "application/json; charset=UTF-8")
			.body(recorded(page))
			.build());
	}

	private static String recorded(String page) {
		try (InputStream in = GraphApiRecordedPagesTests.class.getResourceAsStream("/graphapi/pages/" + page)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private GraphApiClient client() {
		String baseUrl = this.server.url("/").toString().replaceAll("/$", "");
		GraphApiProperties properties = new GraphApiProperties(baseUrl, "v25.0", null, 2, Duration.ofSeconds(1),
				Duration.ofSeconds(2), new GraphApiProperties.Retry(3, Duration.ofMillis(10), Duration.ofSeconds(1)));
		return new GraphApiClient(
				GraphApiTestTransport.create(properties, new SimpleMeterRegistry(), new RecordingPauseScheduler()),
				properties, GraphApiTestTransport.json);
	}

}
