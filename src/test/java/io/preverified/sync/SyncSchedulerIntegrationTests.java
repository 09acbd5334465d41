package io.preverified.sync;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.preverified.TestDatabaseConfiguration;
import io.preverified.TestServices;
import io.preverified.graphapi.DemoInventory;
import io.preverified.graphapi.FakeGraphApi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Scheduled runs: every business on its interval, counted from the end of its last run,
 * at most {@code max-concurrent-businesses} at a time.
 */
@SpringBootTest(properties = { "preverified.sync.initial-delay=0s", "preverified.sync.interval=1s",
		"preverified.sync.max-concurrent-businesses=1", "preverified.graph-api.page-size=50",
		"preverified.businesses[0].id=2001", "preverified.businesses[0].access-token=token-2001",
		"preverified.businesses[1].id=2002", "preverified.businesses[1].access-token=token-2002",
		"preverified.businesses[2].id=2003", "preverified.businesses[2].access-token=token-2003",
		"preverified.sync.run-timeout=2s" })
@Import(TestDatabaseConfiguration.class)
@DirtiesContext
class SyncSchedulerIntegrationTests {

	@RegisterExtension
	static final TestServices testServices = new TestServices();

	private static final FakeGraphApi graphApi = testServices.graphApi();

	static {
		graphApi.business("2001", "token-2001", DemoInventory.generate("2001", "Scheduled", 120, Instant.now()));
		graphApi.business("2002", "token-2002", DemoInventory.generate("2002", "Scheduled", 60, Instant.now()));
		// 2003 answers each of its 6 pages after a second: its runs cannot end within 2s
		graphApi.business("2003", "token-2003", DemoInventory.generate("2003", "Slow", 300, Instant.now()));
		graphApi.slowDown(Duration.ofSeconds(1), "/2003/");
	}

	@Autowired
	private JdbcTemplate jdbc;

	@DynamicPropertySource
	static void graphApiProperties(DynamicPropertyRegistry registry) {
		testServices.wire(registry);
	}

	@Test
	void everyBusinessIsSyncedAgainAnIntervalAfterItsLastRunEnded() {
		await().atMost(Duration.ofSeconds(40))
			.until(() -> finishedRuns().stream().filter((run) -> !"2003".equals(run.get("business_id"))).count() >= 4);

		List<Map<String, Object>> runs = finishedRuns();
		assertThat(runs).allSatisfy((run) -> assertThat(run.get("trigger")).isEqualTo("SCHEDULED"));
		assertThat(runs).filteredOn((run) -> !"2003".equals(run.get("business_id")))
			.allSatisfy((run) -> assertThat(run.get("status")).isEqualTo("SUCCEEDED"));
		for (String business : List.of("2001", "2002")) {
			List<Map<String, Object>> ofBusiness = runs.stream()
				.filter((run) -> business.equals(run.get("business_id")))
				.toList();
			assertThat(ofBusiness).hasSizeGreaterThanOrEqualTo(2);
			Instant firstEnded = instant(ofBusiness.get(0).get("finished_at"));
			Instant secondStarted = instant(ofBusiness.get(1).get("started_at"));
			assertThat(Duration.between(firstEnded, secondStarted)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
		}
		// one business at a time: no run starts before the previous one ended
		for (int i = 1; i < runs.size(); i++) {
			assertThat(instant(runs.get(i).get("started_at")))
				.isAfterOrEqualTo(instant(runs.get(i - 1).get("finished_at")));
		}
	}

	@Test
	void runThatOutlastsTheRunTimeoutFailsAndKeepsWhatItFetched() {
		await().atMost(Duration.ofSeconds(30))
			.until(() -> !this.jdbc
				.queryForList("select id from sync_runs where business_id = '2003' and finished_at is not null")
				.isEmpty());

		Map<String, Object> run = this.jdbc.queryForMap(
				"select status, error_message, pages, finished_at - started_at as took from sync_runs where business_id = '2003' and finished_at is not null order by id limit 1");
		assertThat(run.get("status")).isEqualTo("FAILED");
		assertThat((String) run.get("error_message")).contains("preverified.sync.run-timeout");
		assertThat((Integer) run.get("pages")).isBetween(1, 2);
	}

	private List<Map<String, Object>> finishedRuns() {
		return this.jdbc.queryForList("""
				select business_id, trigger, status, started_at, finished_at from sync_runs
				where business_id in ('2001', '2002', '2003') and finished_at is not null order by started_at""");
	}

	private static Instant instant(Object timestamp) {
		return ((Timestamp) timestamp).toInstant();
	}

}
