package io.preverified.sync;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import io.preverified.IsolatedServices;
import io.preverified.TcpRelay;
import io.preverified.TestServices;
import io.preverified.graphapi.DemoInventory;
import io.preverified.graphapi.FakeGraphApi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The database goes away for longer than the pool waits for a connection, through a relay
 * that cuts every connection, and comes back: health tells it fast throughout, and the
 * schedule picks up by itself.
 */
@Execution(ExecutionMode.CONCURRENT)
class SyncDatabaseOutageIntegrationTests {

	private static final Logger logger = LoggerFactory.getLogger(SyncDatabaseOutageIntegrationTests.class);

	private static final String BUSINESS = "8001";

	@RegisterExtension
	static final TestServices testServices = new TestServices();

	private static final FakeGraphApi graphApi = testServices.graphApi();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	@Test
	void scheduledRunsResumeAfterTheDatabaseReturnsAndHealthAnswersFastThroughout() throws Exception {
		graphApi.business(BUSINESS, "token-" + BUSINESS,
				DemoInventory.generate(BUSINESS, "Outage", 250, Instant.now()));
		InetSocketAddress database = IsolatedServices.databaseAddress();
		try (TcpRelay relay = TcpRelay.to(database.getHostString(), database.getPort())) {
			IsolatedServices services = testServices.isolated("database_outage", relay);
			JdbcTemplate jdbc = services.jdbc();
			try (ConfigurableApplicationContext service = services.start("preverified.graph-api.page-size=50",
					"preverified.businesses[0].id=" + BUSINESS,
					"preverified.businesses[0].access-token=token-" + BUSINESS, "preverified.sync.initial-delay=0s",
					"preverified.sync.interval=2s", "preverified.sync.lock-lease=3s",
					"spring.datasource.hikari.connection-timeout=1000", "preverified.alerts.evaluation-interval=1s")) {
				int port = ((WebServerApplicationContext) service).getWebServer().getPort();
				await().atMost(Duration.ofSeconds(30)).until(() -> succeededRuns(jdbc) >= 1);
				assertThat(status(port, "/actuator/health")).isEqualTo(200);

				relay.cut();
				Instant cut = Instant.now();
				// longer than the pool waits for a connection, several times over
				while (Duration.between(cut, Instant.now()).compareTo(Duration.ofSeconds(6)) < 0) {
					assertThat(timedStatus(port, "/actuator/health")).isEqualTo(503);
					assertThat(timedStatus(port, "/actuator/health/readiness")).isEqualTo(503);
					assertThat(timedStatus(port, "/actuator/health/liveness")).isEqualTo(200);
				}
				long succeededBefore = succeededRuns(jdbc);
				relay.restore();
				Instant restored = Instant.now();

				await().atMost(Duration.ofSeconds(30)).until(() -> succeededRunsStartedAfter(jdbc, restored) >= 1);
				logger.info("Database back to the next successful run: {} ms",
						Duration.between(restored, firstSuccessStartedAfter(jdbc, restored)).toMillis());
				assertThat(succeededRuns(jdbc)).isGreaterThan(succeededBefore);
				await().atMost(Duration.ofSeconds(15))
					.until(() -> jdbc.queryForObject(
							"select count(*) from sync_runs where status = 'RUNNING' and started_at < ?", Long.class,
							java.sql.Timestamp.from(restored)) == 0);
				assertThat(timedStatus(port, "/actuator/health")).isEqualTo(200);
				assertThat(jdbc.queryForObject("select count(*) from numbers where removed_at is null", Long.class))
					.isEqualTo(250);
			}
		}
	}

	// health must answer within 5 s, whatever the database does
	private int timedStatus(int port, String path) throws Exception {
		Instant asked = Instant.now();
		int status = status(port, path);
		assertThat(Duration.between(asked, Instant.now())).as(path).isLessThan(Duration.ofSeconds(5));
		return status;
	}

	private int status(int port, String path) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.timeout(Duration.ofSeconds(10))
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
	}

	private static long succeededRuns(JdbcTemplate jdbc) {
		return jdbc.queryForObject("select count(*) from sync_runs where status = 'SUCCEEDED'", Long.class);
	}

	private static long succeededRunsStartedAfter(JdbcTemplate jdbc, Instant after) {
		return jdbc.queryForObject("select count(*) from sync_runs where status = 'SUCCEEDED' and started_at > ?",
				Long.class, java.sql.Timestamp.from(after));
	}

	private static Instant firstSuccessStartedAfter(JdbcTemplate jdbc, Instant after) {
		return jdbc
			.queryForObject("select min(finished_at) from sync_runs where status = 'SUCCEEDED' and started_at > ?",
					java.sql.Timestamp.class, java.sql.Timestamp.from(after))
			.toInstant();
	}

}
