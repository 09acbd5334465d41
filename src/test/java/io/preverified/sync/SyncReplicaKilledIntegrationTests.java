package io.preverified.sync;

import java.io.File;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import io.preverified.IsolatedServices;
import io.preverified.PreverifiedSyncApplication;
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
 * A replica's process is killed with SIGKILL in the middle of a run; another takes over
 * on the same database.
 */
@Execution(ExecutionMode.CONCURRENT)
class SyncReplicaKilledIntegrationTests {

	private static final Logger logger = LoggerFactory.getLogger(SyncReplicaKilledIntegrationTests.class);

	private static final String BUSINESS = "8101";

	private static final Duration LEASE = Duration.ofSeconds(5);

	@RegisterExtension
	static final TestServices testServices = new TestServices();

	private static final FakeGraphApi graphApi = testServices.graphApi();

	@Test
	void businessOfAReplicaKilledMidRunIsSyncedAgainWithinTheLeasePlusAMinute() throws Exception {
		List<Map<String, Object>> inventory = DemoInventory.generate(BUSINESS, "Killed", 400, Instant.now());
		graphApi.business(BUSINESS, "token-" + BUSINESS, inventory);
		// slow pages keep the first replica's run going while it is killed
		graphApi.slowDown(Duration.ofMillis(500), "/");
		IsolatedServices services = testServices.isolated("replica_killed");
		JdbcTemplate jdbc = services.jdbc();
		List<String> properties = List.of("preverified.graph-api.page-size=50",
				"preverified.businesses[0].id=" + BUSINESS, "preverified.businesses[0].access-token=token-" + BUSINESS,
				"preverified.sync.initial-delay=0s", "preverified.sync.interval=1h",
				"preverified.sync.lock-lease=" + LEASE.toSeconds() + "s");

		Process replica = startReplica(services, properties);
		Instant killed;
		try {
			await().atMost(Duration.ofSeconds(90))
				.ignoreExceptionsInstanceOf(DataAccessException.class)
				.until(() -> jdbc.queryForObject(
						"select count(*) from sync_runs where status = 'RUNNING' and pages >= 2", Long.class) == 1);
		}
		finally {
			replica.destroyForcibly();
			replica.waitFor(30, TimeUnit.SECONDS);
			killed = Instant.now();
		}
		long deadRun = jdbc.queryForObject("select id from sync_runs where status = 'RUNNING'", Long.class);
		graphApi.intercept((call, request) -> null);

		try (ConfigurableApplicationContext survivor = services.start(properties.toArray(String[]::new))) {
			await().atMost(LEASE.plus(Duration.ofMinutes(1)))
				.until(() -> jdbc.queryForObject("select count(*) from sync_runs where status = 'SUCCEEDED'",
						Long.class) == 1);
			Instant synced = jdbc
				.queryForObject("select finished_at from sync_runs where status = 'SUCCEEDED'",
						java.sql.Timestamp.class)
				.toInstant();
			logger.info("SIGKILL to the next successful run of business {}: {} ms", BUSINESS,
					Duration.between(killed, synced).toMillis());
			assertThat(jdbc.queryForObject("select status from sync_runs where id = ?", String.class, deadRun))
				.isEqualTo("FAILED");
			assertThat(jdbc.queryForObject("select error_message from sync_runs where id = ?", String.class, deadRun))
				.contains("Abandoned");
			Set<String> stored = new HashSet<>(
					jdbc.queryForList("select id from numbers where removed_at is null", String.class));
			assertThat(stored).containsExactlyInAnyOrderElementsOf(
					inventory.stream().map((number) -> (String) number.get("id")).toList());
		}
	}

	static Process startReplica(IsolatedServices services, List<String> properties) throws Exception {
		List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-cp",
				System.getProperty("java.class.path"), PreverifiedSyncApplication.class.getName(), "--server.port=0"));
		command.addAll(services.arguments());
		properties.forEach((property) -> command.add("--" + property));
		File log = new File("target/replica-" + services.hashCode() + ".log");
		return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
	}

}
