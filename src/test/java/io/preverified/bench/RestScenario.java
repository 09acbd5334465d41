package io.preverified.bench;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;

/**
 * Reading: the list endpoints under {@code wrk} beside {@code pgbench} on the statement
 * the service sends for them, then the same endpoints while every business loads from
 * scratch, as on a first deployment.
 */
final class RestScenario {

	private static final String ALERTS = "/api/v1/alerts";

	private final BenchDatabase database;

	private final Results results;

	// seconds of each wrk and pgbench measurement, and of the JIT's warm-up before them
	private final int window;

	private final int warmUp;

	RestScenario(BenchDatabase database, Results results, int window, int warmUp) {
		this.database = database;
		this.results = results;
		this.window = window;
		this.warmUp = warmUp;
	}

	/**
	 * Measures the numbers list of one business and the alerts list.
	 * @param service the service, its businesses synced
	 * @param businessId the business whose numbers are listed
	 */
	void run(ServiceProcess service, String businessId) throws Exception {
		if (!Wrk.installed()) {
			this.results.line("REST", "skipped: wrk is not installed");
			return;
		}
		String numbers = numbersPath(businessId);
		String numbersSql = service.statement(numbers, "from numbers n");
		String alertsSql = service.statement(ALERTS, "from alerts a");
		System.out.println("pgbench runs the service's statement for " + numbers + ": " + numbersSql);
		System.out.println("pgbench runs the service's statement for " + ALERTS + ": " + alertsSql);
		// the JIT compiles the read path before anything is measured
		Wrk.run(service.uri(numbers), this.warmUp);
		Wrk.run(service.uri(ALERTS), this.warmUp);
		Wrk listed = measure(service, numbers, numbersSql, "numbers");
		// and against the plain query a user would write for the same page
		String plainSql = "select * from numbers where business_id = '" + businessId
				+ "' and code_verification_status = 'VERIFIED' and removed_at is null order by id limit 101;";
		double plainTps = this.database.pgbench(plainSql, this.window);
		this.results.line("The same page, plain query",
				"pgbench %,.0f tps; ratio %.2f".formatted(plainTps, listed.requestsPerSecond() / plainTps));
		this.results.measure("numbers-rest-per-plain-pgbench", listed.requestsPerSecond() / plainTps);
		measure(service, ALERTS, alertsSql, "alerts");
	}

	/**
	 * Measures the same lists while every business loads from scratch.
	 * @param service the service
	 * @param ids its businesses
	 */
	void duringFirstLoad(ServiceProcess service, List<String> ids) throws Exception {
		if (!Wrk.installed()) {
			return;
		}
		try (Connection connection = this.database.connect(); Statement statement = connection.createStatement()) {
			statement.execute("truncate numbers cascade");
		}
		long before = service.startAll(ids);
		Wrk numbers = Wrk.run(service.uri(numbersPath(ids.get(ids.size() / 2))), this.window);
		Wrk alerts = Wrk.run(service.uri(ALERTS), this.window);
		long running = service.running(before);
		this.results.line("GET /api/v1/numbers during a first load",
				numbers.summary() + " while %,d numbers load (%d of %d runs still running at the end)"
					.formatted(ids.size() * Benchmark.PER_BUSINESS, running, ids.size()));
		this.results.line("GET /api/v1/alerts during a first load", alerts.summary());
		this.results.measure("numbers-rest-p99-during-first-load-ms", numbers.percentileMillis(99));
		while (service.running(0) > 0) {
			Thread.sleep(1000);
		}
	}

	private Wrk measure(ServiceProcess service, String path, String sql, String name) throws Exception {
		Wrk wrk = Wrk.run(service.uri(path), this.window);
		double tps = this.database.pgbench(sql, this.window);
		double ratio = wrk.requestsPerSecond() / tps;
		this.results.line("GET " + path, wrk.summary() + "; pgbench %,.0f tps; ratio %.2f".formatted(tps, ratio));
		this.results.measure(name + "-rest-per-pgbench", ratio);
		this.results.measure(name + "-rest-p99-ms", wrk.percentileMillis(99));
		return wrk;
	}

	private static String numbersPath(String businessId) {
		return "/api/v1/numbers?business_id=" + businessId + "&status=VERIFIED";
	}

}
