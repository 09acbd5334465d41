package io.preverified.bench;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.preverified.graphapi.FakeGraphApi;
import org.postgresql.PGConnection;

/**
 * Syncing: upstream calls against the minimum, a first load against PostgreSQL's
 * {@code COPY} of the same rows, a re-sync with 1% changed and its WAL, the CPU of each,
 * and the memory of a large sync against a small one.
 */
final class SyncScenario {

	private final FakeGraphApi upstream;

	private final BenchDatabase database;

	private final Results results;

	SyncScenario(FakeGraphApi upstream, BenchDatabase database, Results results) {
		this.upstream = upstream;
		this.database = database;
		this.results = results;
	}

	/**
	 * The memory of a sync of one business, in a service of its own.
	 * @param jar the service
	 * @param smallId the business
	 * @return peak resident set size and peak heap used
	 */
	long[] smallMemory(String jar, String smallId) throws Exception {
		this.database.fresh();
		try (ServiceProcess service = ServiceProcess.start(jar, this.database, this.upstream, Benchmark.PAGE_SIZE,
				List.of(smallId))) {
			service.syncAll(List.of(smallId));
			return service.memory();
		}
	}

	/**
	 * A first load of every business and a re-sync with 1% changed.
	 * @param service a service keeping them, on a fresh database
	 * @param ids the businesses
	 * @param smallMemory what {@link #smallMemory} measured
	 */
	void run(ServiceProcess service, List<String> ids, long[] smallMemory) throws Exception {
		double copyRate = copyRate(ids);
		long walBefore = this.database.walLsn();
		CpuUse cpuBefore = CpuUse.now(service.process());
		double firstLoad = service.syncAll(ids);
		CpuUse firstLoadCpu = CpuUse.now(service.process()).minus(cpuBefore);
		long firstWal = this.database.walLsn() - walBefore;
		long[] largeMemory = service.memory();
		int calls = ids.stream().mapToInt((id) -> this.upstream.requestsFor(id).size()).sum();
		int minimum = ids.size() * (int) Math.ceil((double) Benchmark.PER_BUSINESS / Benchmark.PAGE_SIZE);
		int numbers = ids.size() * Benchmark.PER_BUSINESS;

		changeOnePercent(ids);
		walBefore = this.database.walLsn();
		cpuBefore = CpuUse.now(service.process());
		double resync = service.syncAll(ids);
		CpuUse resyncCpu = CpuUse.now(service.process()).minus(cpuBefore);
		long resyncWal = this.database.walLsn() - walBefore;

		this.results.line("Upstream calls (calls / minimum)",
				"%d / %d = %.2f".formatted(calls, minimum, (double) calls / minimum));
		this.results.line("First load, %,d numbers".formatted(numbers), "%,.0f numbers/s".formatted(firstLoad));
		this.results.line("COPY of the same rows", "%,.0f rows/s".formatted(copyRate));
		this.results.line("First load / COPY", "%.2f".formatted(firstLoad / copyRate));
		this.results.line("CPU of the first load: service / PostgreSQL / fake upstream and benchmark",
				firstLoadCpu.toString());
		this.results.line("Re-sync, 1% changed", "%,.0f numbers/s".formatted(resync));
		this.results.line("CPU of the re-sync: service / PostgreSQL / fake upstream and benchmark",
				resyncCpu.toString());
		this.results.line("Re-sync / first load", "%.2f".formatted(resync / firstLoad));
		this.results.line("WAL first load / re-sync",
				"%,d / %,d bytes = %.1f%%".formatted(firstWal, resyncWal, 100.0 * resyncWal / firstWal));
		this.results.line("Peak RSS 10k / %,d sync".formatted(numbers), "%d MiB / %d MiB = %.2f"
			.formatted(smallMemory[0] >> 20, largeMemory[0] >> 20, (double) largeMemory[0] / smallMemory[0]));
		this.results.line("Peak heap used 10k / %,d sync".formatted(numbers),
				"%d MiB / %d MiB (-Xmx256m)".formatted(smallMemory[1] >> 20, largeMemory[1] >> 20));
		this.results.measure("upstream-calls-per-minimum", (double) calls / minimum);
		this.results.measure("first-load-per-copy", firstLoad / copyRate);
		this.results.measure("resync-per-first-load", resync / firstLoad);
		this.results.measure("resync-wal-per-first-load", (double) resyncWal / firstWal);
		this.results.measure("peak-rss-large-per-small", (double) largeMemory[0] / smallMemory[0]);
	}

	private void changeOnePercent(List<String> ids) {
		Instant later = Instant.now().plus(Duration.ofDays(90));
		for (String id : ids) {
			List<Map<String, Object>> numbers = this.upstream.numbers(id);
			for (int i = 0; i < numbers.size(); i += 100) {
				Map<String, Object> changed = new LinkedHashMap<>(numbers.get(i));
				changed.put("code_verification_status", "VERIFIED");
				changed.put("verification_expiry_time", later.getEpochSecond());
				numbers.set(i, changed);
			}
			this.upstream.business(id, "token-" + id, numbers);
			this.upstream.renderPages(id, Benchmark.PAGE_SIZE, Benchmark.FIELDS);
		}
	}

	// the same rows, into a table of the same shape, with the database's fastest load
	private double copyRate(List<String> ids) throws Exception {
		StringBuilder csv = new StringBuilder();
		for (String id : ids) {
			for (Map<String, Object> number : this.upstream.numbers(id)) {
				csv.append("c")
					.append(number.get("id"))
					.append(',')
					.append(id)
					.append(',')
					.append(number.get("phone_number"))
					.append(',')
					.append(number.get("phone_number"))
					.append(',')
					.append(number.get("code_verification_status"))
					.append(",,,")
					.append(id)
					.append(",Bench,")
					.append("2026-01-01T00:00:00Z\n");
			}
		}
		try (Connection connection = this.database.connect(); Statement statement = connection.createStatement()) {
			statement.execute("create table numbers_copy (like numbers including all)");
			long started = System.nanoTime();
			((PGConnection) connection.unwrap(PGConnection.class)).getCopyAPI()
				.copyIn("copy numbers_copy (id, business_id, phone_number, phone_number_e164, code_verification_status,"
						+ " code_verification_time, verification_expiry_time, owner_business_id, owner_business_name,"
						+ " first_seen_at) from stdin with (format csv)", new StringReader(csv.toString()));
			double seconds = (System.nanoTime() - started) / 1e9;
			statement.execute("drop table numbers_copy");
			return ids.size() * Benchmark.PER_BUSINESS / seconds;
		}
	}

}
