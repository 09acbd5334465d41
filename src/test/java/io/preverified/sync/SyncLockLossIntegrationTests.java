package io.preverified.sync;

import java.time.Duration;
import java.time.Instant;

import io.preverified.IsolatedServices;
import io.preverified.TestServices;
import io.preverified.businesses.Business;
import io.preverified.businesses.BusinessDirectory;
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
 * A run whose lock cannot be extended stops before its next write: another replica may
 * hold the business by then.
 */
@Execution(ExecutionMode.CONCURRENT)
class SyncLockLossIntegrationTests {

	private static final String BUSINESS = "8201";

	@RegisterExtension
	static final TestServices testServices = new TestServices();

	private static final FakeGraphApi graphApi = testServices.graphApi();

	@Test
	void runWhoseLockExtensionFailsStopsBeforeItsNextWriteAndRemovesNothing() {
		graphApi.business(BUSINESS, "token-" + BUSINESS,
				DemoInventory.generate(BUSINESS, "Fenced", 300, Instant.now()));
		IsolatedServices services = testServices.isolated("lock_loss");
		JdbcTemplate jdbc = services.jdbc();
		try (ConfigurableApplicationContext service = services.start("preverified.graph-api.page-size=20",
				"preverified.businesses[0].id=" + BUSINESS, "preverified.businesses[0].access-token=token-" + BUSINESS,
				"preverified.sync.initial-delay=0s", "preverified.sync.interval=1h",
				"preverified.sync.lock-lease=3s")) {
			await().atMost(Duration.ofSeconds(30)).until(() -> count(jdbc, "status = 'SUCCEEDED'") == 1);
			graphApi.slowDown(Duration.ofMillis(400), "/");
			jdbc.update("update sync_runs set finished_at = finished_at - interval '2 hours'");
			Business business = service.getBean(BusinessDirectory.class).find(BUSINESS).orElseThrow();
			// the first run keeps its lock until everything after its end is done
			await().atMost(Duration.ofSeconds(10))
				.until(() -> service.getBean(SyncLauncher.class).start(business, SyncRun.Trigger.MANUAL).isPresent());
			await().atMost(Duration.ofSeconds(10)).until(() -> count(jdbc, "status = 'RUNNING' and pages >= 1") == 1);

			// another replica's claim: the extension finds the lock no longer this one's
			jdbc.update("update shedlock set locked_by = 'another-replica' where name = ?", "sync-" + BUSINESS);

			await().atMost(Duration.ofSeconds(15)).until(() -> count(jdbc, "status = 'FAILED'") == 1);
			String error = jdbc.queryForObject("select error_message from sync_runs where status = 'FAILED'",
					String.class);
			assertThat(error).contains("lost the lock");
			long pages = jdbc.queryForObject("select pages from sync_runs where status = 'FAILED'", Long.class);
			assertThat(pages).isLessThan(15);
			assertThat(count(jdbc, "status = 'RUNNING'")).isZero();
			assertThat(jdbc.queryForObject("select count(*) from numbers where removed_at is null", Long.class))
				.isEqualTo(300);
		}
	}

	private static long count(JdbcTemplate jdbc, String condition) {
		return jdbc.queryForObject("select count(*) from sync_runs where " + condition, Long.class);
	}

}
