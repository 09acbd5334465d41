package io.preverified.sync;

import java.time.Duration;
import java.time.Instant;
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
 * A run in progress when the service stops ends between pages, recorded as failed, with
 * every page it stored complete and nothing removed.
 */
@Execution(ExecutionMode.CONCURRENT)
class SyncShutdownIntegrationTests {

	@RegisterExtension
	static final TestServices testServices = new TestServices();

	private static final FakeGraphApi graphApi = testServices.graphApi();

	@Test
	void runInProgressAtShutdownStopsBetweenPagesAndIsRecordedAsFailed() {
		graphApi.business("6001", "token-6001", DemoInventory.generate("6001", "Slow", 300, Instant.now()));
		graphApi.slowDown(Duration.ofMillis(300), "/");
		IsolatedServices services = testServices.isolated("sync_shutdown");
		JdbcTemplate jdbc = services.jdbc();

		try (ConfigurableApplicationContext service = services.start("preverified.graph-api.page-size=10",
				"preverified.businesses[0].id=6001", "preverified.businesses[0].access-token=token-6001",
				"preverified.sync.initial-delay=0s")) {
			await().atMost(Duration.ofSeconds(30))
				.until(() -> jdbc.queryForObject("select coalesce(max(pages), 0) from sync_runs", Integer.class) >= 2);
		}

		Map<String, Object> run = jdbc
			.queryForMap("select status, pages, inserted, removed, error_message from sync_runs");
		assertThat(run.get("status")).isEqualTo("FAILED");
		assertThat((String) run.get("error_message")).containsIgnoringCase("interrupted by shutdown");
		assertThat((Integer) run.get("pages")).isLessThan(30);
		assertThat(run.get("inserted")).isEqualTo((Integer) run.get("pages") * 10);
		assertThat(jdbc.queryForObject("select count(*) from numbers", Integer.class))
			.isEqualTo((Integer) run.get("pages") * 10);
		assertThat(jdbc.queryForObject("select count(*) from numbers where removed_at is not null", Integer.class))
			.isZero();
	}

}
