package io.preverified.sync;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.preverified.IsolatedServices;
import io.preverified.TestServices;
import io.preverified.graphapi.DemoInventory;
import io.preverified.graphapi.FakeGraphApi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances on one database: no business is synced by both at once, and together they
 * keep every business on its interval.
 */
@Execution(ExecutionMode.CONCURRENT)
class SyncReplicasIntegrationTests {

	private static final List<String> BUSINESSES = List.of("7001", "7002", "7003");

	private static final Duration INTERVAL = Duration.ofSeconds(1);

	@RegisterExtension
	static final TestServices testServices = new TestServices();

	private static final FakeGraphApi graphApi = testServices.graphApi();

	@Test
	void twoReplicasNeverRunOneBusinessAtOnceAndKeepItsInterval() {
		for (String business : BUSINESSES) {
			graphApi.business(business, "token-" + business,
					DemoInventory.generate(business, "Replicated", 30, Instant.now()));
		}
		// each page takes a while, so runs of the two replicas would overlap if nothing
		// kept them apart
		graphApi.slowDown(Duration.ofMillis(150), "/");
		IsolatedServices services = testServices.isolated("sync_replicas");
		JdbcTemplate jdbc = services.jdbc();
		String[] properties = properties();

		try (ConfigurableApplicationContext first = services.start(properties);
				ConfigurableApplicationContext second = services.start(properties)) {
			await().atMost(Duration.ofSeconds(60))
				.until(() -> BUSINESSES.stream().allMatch((business) -> finishedRuns(jdbc, business).size() >= 4));
		}

		for (String business : BUSINESSES) {
			List<Map<String, Object>> runs = finishedRuns(jdbc, business);
			assertThat(runs).allSatisfy((run) -> assertThat(run.get("status")).isEqualTo("SUCCEEDED"));
			for (int i = 1; i < runs.size(); i++) {
				Instant previousEnded = instant(runs.get(i - 1).get("finished_at"));
				Instant started = instant(runs.get(i).get("started_at"));
				assertThat(started).as("run %d of business %s", i, business).isAfterOrEqualTo(previousEnded);
				assertThat(Duration.between(previousEnded, started)).as("gap before run %d of business %s", i, business)
					.isBetween(INTERVAL.minusMillis(50), INTERVAL.multipliedBy(3));
			}
		}
	}

	private static String[] properties() {
		List<String> properties = new java.util.ArrayList<>(List.of("preverified.graph-api.page-size=10",
				"preverified.sync.initial-delay=0s", "preverified.sync.interval=" + INTERVAL.toMillis() + "ms",
				"preverified.alerts.evaluation-interval=1h"));
		for (int i = 0; i < BUSINESSES.size(); i++) {
			properties.add("preverified.businesses[%d].id=%s".formatted(i, BUSINESSES.get(i)));
			properties.add("preverified.businesses[%d].access-token=token-%s".formatted(i, BUSINESSES.get(i)));
		}
		return properties.toArray(String[]::new);
	}

	// the runs that ended by themselves: one the replicas' stop cut short at the end is
	// left as abandoned
	private static List<Map<String, Object>> finishedRuns(JdbcTemplate jdbc, String business) {
		return jdbc.queryForList("""
				select status, started_at, finished_at from sync_runs
				where business_id = ? and status <> 'RUNNING' and not abandoned order by started_at""", business);
	}

	private static Instant instant(Object timestamp) {
		return ((Timestamp) timestamp).toInstant();
	}

}
