package io.preverified.sync;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.preverified.IsolatedServices;
import io.preverified.TestServices;
import io.preverified.graphapi.DemoInventory;
import io.preverified.graphapi.FakeGraphApi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A rolling restart: a replica's process is stopped with SIGTERM in the middle of a run,
 * while another replica runs on the same database.
 */
@Execution(ExecutionMode.CONCURRENT)
class SyncReplicaStoppedIntegrationTests {

	private static final Logger logger = LoggerFactory.getLogger(SyncReplicaStoppedIntegrationTests.class);

	@RegisterExtension
	static final TestServices testServices = new TestServices();

	private static final FakeGraphApi graphApi = testServices.graphApi();

	@Test
	void replicaStoppedWithSigtermMidRunEndsItsRunAndAnotherSyncsTheBusinessWithin30Seconds() throws Exception {
		String business = "8102";
		// 20 pages of a second each: the run still goes on once the second replica is up
		List<Map<String, Object>> inventory = DemoInventory.generate(business, "Stopped", 1000, Instant.now());
		graphApi.business(business, "token-" + business, inventory);
		graphApi.slowDown(Duration.ofSeconds(1), "/");
		IsolatedServices services = testServices.isolated("replica_stopped");
		JdbcTemplate jdbc = services.jdbc();
		List<String> properties = List.of("preverified.graph-api.page-size=50",
				"preverified.businesses[0].id=" + business, "preverified.businesses[0].access-token=token-" + business,
				"preverified.sync.initial-delay=0s", "preverified.sync.interval=1h", "preverified.sync.lock-lease=20s");

		Process replica = SyncReplicaKilledIntegrationTests.startReplica(services, properties);
		try (ConfigurableApplicationContext survivor = startWhenRunning(services, jdbc, properties)) {
			replica.destroy();
			assertThat(replica.waitFor(40, TimeUnit.SECONDS)).as("stopped within its grace period").isTrue();
			Instant stopped = Instant.now();
			graphApi.intercept((call, request) -> null);
			Map<String, Object> left = jdbc
				.queryForMap("select id, status, error_message from sync_runs order by id limit 1");
			assertThat(left.get("status")).isEqualTo("FAILED");
			assertThat((String) left.get("error_message")).containsIgnoringCase("interrupted by shutdown");

			await().atMost(Duration.ofSeconds(30))
				.until(() -> jdbc.queryForObject("select count(*) from sync_runs where status = 'SUCCEEDED'",
						Long.class) == 1);
			logger.info("SIGTERM to the next successful run of business {}: {} ms", business,
					Duration.between(stopped, Instant.now()).toMillis());
			assertThat(jdbc.queryForList("select id from numbers where removed_at is null", String.class))
				.containsExactlyInAnyOrderElementsOf(
						inventory.stream().map((number) -> (String) number.get("id")).toList());
		}
		finally {
			replica.destroyForcibly();
		}
	}

	// the survivor starts while the other replica's run holds the business's lock
	private static ConfigurableApplicationContext startWhenRunning(IsolatedServices services, JdbcTemplate jdbc,
			List<String> properties) {
		await().atMost(Duration.ofSeconds(90))
			.ignoreExceptionsInstanceOf(DataAccessException.class)
			.until(() -> jdbc.queryForObject("select count(*) from sync_runs where status = 'RUNNING' and pages >= 2",
					Long.class) == 1);
		return services.start(properties.toArray(String[]::new));
	}

}
