package io.preverified.bench;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.preverified.graphapi.DemoInventory;
import io.preverified.graphapi.FakeGraphApi;

/**
 * Measures the service against what the machine allows, scenario by scenario
 * ({@link SyncScenario}, {@link RestScenario}). Run by {@code bench/run.sh}; prints one
 * table of results and one of targets ({@code bench/targets.tsv}), and exits with 1 when
 * a target it checks was missed.
 */
public final class Benchmark {

	static final int PAGE_SIZE = 500;

	static final String FIELDS = "id,phone_number,code_verification_status,code_verification_time,"
			+ "verification_expiry_time,owner_business";

	static final int PER_BUSINESS = 10_000;

	static {
		Locale.setDefault(Locale.ROOT);
	}

	private Benchmark() {
	}

	public static void main(String[] args) throws Exception {
		boolean small = List.of(args).contains("--small");
		String jar = args[args.length - 1];
		Targets targets = Targets.read(Path.of(env("BENCH_TARGETS", "bench/targets.tsv")));
		Results results = new Results();
		try (FakeGraphApi upstream = FakeGraphApi.start()) {
			run(jar, small ? 1 : 100, upstream, results, small);
		}
		results.print();
		System.exit(targets.check(results.measured(), small) ? 0 : 1);
	}

	private static void run(String jar, int businesses, FakeGraphApi upstream, Results results, boolean small)
			throws Exception {
		Instant now = Instant.now();
		List<String> ids = new ArrayList<>();
		for (int i = 1; i <= businesses; i++) {
			String id = Long.toString(8_000_000_000L + i);
			ids.add(id);
			upstream.business(id, "token-" + id, DemoInventory.generate(id, "Bench " + i, PER_BUSINESS, now));
		}
		String smallId = "8100000000";
		upstream.business(smallId, "token-" + smallId, DemoInventory.generate(smallId, "Small", PER_BUSINESS, now));
		// pages are rendered before the clock starts, so the fake is not what is measured
		upstream.renderPages(smallId, PAGE_SIZE, FIELDS);
		ids.forEach((id) -> upstream.renderPages(id, PAGE_SIZE, FIELDS));

		BenchDatabase database = new BenchDatabase();
		SyncScenario sync = new SyncScenario(upstream, database, results);
		// the small run only shows that the benchmark still works
		RestScenario rest = new RestScenario(database, results, small ? 3 : 10, small ? 2 : 5);
		long[] smallMemory = sync.smallMemory(jar, smallId);
		database.fresh();
		try (ServiceProcess service = ServiceProcess.start(jar, database, upstream, PAGE_SIZE, ids)) {
			sync.run(service, ids, smallMemory);
			rest.run(service, ids.get(0));
			rest.duringFirstLoad(service, ids);
		}
	}

	static double number(String text, String pattern) {
		Matcher matcher = Pattern.compile(pattern).matcher(text);
		return matcher.find() ? Double.parseDouble(matcher.group(1)) : Double.NaN;
	}

	static String env(String name, String fallback) {
		String value = System.getenv(name);
		return (value != null && !value.isBlank()) ? value : fallback;
	}

}
