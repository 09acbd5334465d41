package io.preverified.sync;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import io.preverified.IsolatedServices;
import io.preverified.TestServices;
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
 * A business that upstream slows down lends its sync slot while it waits: with one slot,
 * another business syncs in the meantime instead of waiting for the slow one to end.
 */
@Execution(ExecutionMode.CONCURRENT)
class SyncSlotPoolIntegrationTests {

	private static final String SLOWED = "8301";

	private static final String OTHER = "8302";

	@RegisterExtension
	static final TestServices testServices = new TestServices();

	private static final FakeGraphApi graphApi = testServices.graphApi();

	@Test
	void throttledBusinessLendsItsSlotToAnotherWhileItWaits() {
		graphApi.business(SLOWED, "token-" + SLOWED, DemoInventory.generate(SLOWED, "Slowed", 60, Instant.now()));
		graphApi.business(OTHER, "token-" + OTHER, DemoInventory.generate(OTHER, "Other", 60, Instant.now()));
		// 99% usage: the client waits 10 x initial-backoff before each next call
		graphApi.intercept((call, request) -> request.getUrl().encodedPath().contains("/" + SLOWED + "/")
				? FakeGraphApi.page(graphApi, request)
					.newBuilder()
					.setHeader("X-App-Usage", "{\"call_count\": 99, \"total_cputime\": 1, \"total_time\": 1}")
					.build()
				: null);
		IsolatedServices services = testServices.isolated("sync_slots");
		JdbcTemplate jdbc = services.jdbc();
		try (ConfigurableApplicationContext service = services.start("preverified.graph-api.page-size=20",
				"preverified.graph-api.retry.initial-backoff=200ms", "preverified.businesses[0].id=" + SLOWED,
				"preverified.businesses[0].access-token=token-" + SLOWED, "preverified.businesses[1].id=" + OTHER,
				"preverified.businesses[1].access-token=token-" + OTHER, "preverified.sync.initial-delay=1h",
				"preverified.sync.interval=1h", "preverified.sync.max-concurrent-businesses=1")) {
			SyncLauncher launcher = service.getBean(SyncLauncher.class);
			BusinessDirectory businesses = service.getBean(BusinessDirectory.class);
			launcher.start(businesses.find(SLOWED).orElseThrow(), SyncRun.Trigger.MANUAL);
			await().atMost(Duration.ofSeconds(10)).until(() -> pages(jdbc, SLOWED) >= 1);
			launcher.start(businesses.find(OTHER).orElseThrow(), SyncRun.Trigger.MANUAL);

			await().atMost(Duration.ofSeconds(30))
				.until(() -> finishedAt(jdbc, SLOWED) != null && finishedAt(jdbc, OTHER) != null);

			assertThat(finishedAt(jdbc, OTHER)).isBefore(finishedAt(jdbc, SLOWED));
			assertThat(jdbc.queryForList("select status from sync_runs", String.class)).containsOnly("SUCCEEDED");
		}
	}

	private static long pages(JdbcTemplate jdbc, String business) {
		return jdbc.queryForObject("select coalesce(sum(pages), 0) from sync_runs where business_id = ?", Long.class,
				business);
	}

	private static Timestamp finishedAt(JdbcTemplate jdbc, String business) {
		return jdbc.queryForObject("select max(finished_at) from sync_runs where business_id = ?", Timestamp.class,
				business);
	}

}
