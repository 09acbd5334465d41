package io.preverified.bench;

import java.io.IOException;
import java.io.StringReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.preverified.graphapi.DemoInventory;
import io.preverified.graphapi.FakeGraphApi;
import org.postgresql.PGConnection;

/**
 * Measures the service against what the machine allows: upstream calls against the
 * minimum, first load and re-sync against PostgreSQL's {@code COPY}, memory of a small
 * and a large sync, and the REST API against {@code pgbench}. Run by
 * {@code bench/run.sh}; prints one table of results and one of targets
 * ({@code bench/targets.tsv}), and exits with 1 when a target it checks was missed.
 */
public final class Benchmark {

	private static final int PAGE_SIZE = 500;

	private static final String FIELDS = "id,phone_number,code_verification_status,code_verification_time,"
			+ "verification_expiry_time,owner_business";

	private static final int PER_BUSINESS = 10_000;

	private static final String DATABASE = "preverified_bench";

	private static final String ALERTS = "/api/v1/alerts";

	private final String adminUrl = env("BENCH_DATABASE_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");

	private final String user = env("BENCH_DATABASE_USER", "postgres");

	private final String jar;

	private final int businesses;

	// seconds of each wrk and pgbench measurement, and of the JIT's warm-up before them:
	// the small run only shows that the benchmark still works
	private final int window;

	private final int warmUp;

	private final FakeGraphApi upstream = FakeGraphApi.start();

	private final HttpClient http = HttpClient.newHttpClient();

	private final Map<String, String> results = new LinkedHashMap<>();

	// what the targets bound, by the names bench/targets.tsv gives them
	private final Map<String, Double> measured = new LinkedHashMap<>();

	private Benchmark(String jar, int businesses) {
		this.jar = jar;
		this.businesses = businesses;
		this.window = (businesses > 1) ? 10 : 3;
		this.warmUp = (businesses > 1) ? 5 : 2;
	}

	public static void main(String[] args) throws Exception {
		boolean small = List.of(args).contains("--small");
		String jar = args[args.length - 1];
		Benchmark benchmark = new Benchmark(jar, small ? 1 : 100);
		Targets targets = Targets.read(Path.of(env("BENCH_TARGETS", "bench/targets.tsv")));
		try {
			benchmark.run();
		}
		finally {
			benchmark.upstream.close();
		}
		System.exit(targets.check(benchmark.measured, small) ? 0 : 1);
	}

	private void run() throws Exception {
		Instant now = Instant.now();
		List<String> ids = new ArrayList<>();
		for (int i = 1; i <= this.businesses; i++) {
			String id = Long.toString(8_000_000_000L + i);
			ids.add(id);
			this.upstream.business(id, "token-" + id, DemoInventory.generate(id, "Bench " + i, PER_BUSINESS, now));
		}
		String smallId = "8100000000";
		this.upstream.business(smallId, "token-" + smallId,
				DemoInventory.generate(smallId, "Small", PER_BUSINESS, now));
		// pages are rendered before the clock starts, so the fake is not what is measured
		this.upstream.renderPages(smallId, PAGE_SIZE, FIELDS);
		ids.forEach((id) -> this.upstream.renderPages(id, PAGE_SIZE, FIELDS));

		// memory of a 10,000-number sync, in a service of its own
		freshDatabase();
		long[] smallMemory;
		try (Service service = startService(List.of(smallId))) {
			syncAll(service, List.of(smallId));
			smallMemory = service.memory();
		}

		freshDatabase();
		try (Service service = startService(ids)) {
			double copyRate = copyRate(ids);
			long walBefore = walLsn();
			CpuUse cpuBefore = CpuUse.now(service.process);
			double firstLoad = syncAll(service, ids);
			CpuUse firstLoadCpu = CpuUse.now(service.process).minus(cpuBefore);
			long firstWal = walLsn() - walBefore;
			long[] largeMemory = service.memory();
			int calls = ids.stream().mapToInt((id) -> this.upstream.requestsFor(id).size()).sum();
			int minimum = ids.size() * (int) Math.ceil((double) PER_BUSINESS / PAGE_SIZE);
			int numbers = ids.size() * PER_BUSINESS;

			changeOnePercent(ids);
			walBefore = walLsn();
			cpuBefore = CpuUse.now(service.process);
			double resync = syncAll(service, ids);
			CpuUse resyncCpu = CpuUse.now(service.process).minus(cpuBefore);
			long resyncWal = walLsn() - walBefore;

			this.results.put("Upstream calls (calls / minimum)",
					"%d / %d = %.2f".formatted(calls, minimum, (double) calls / minimum));
			this.results.put("First load, %,d numbers".formatted(numbers), "%,.0f numbers/s".formatted(firstLoad));
			this.results.put("COPY of the same rows", "%,.0f rows/s".formatted(copyRate));
			this.results.put("First load / COPY", "%.2f".formatted(firstLoad / copyRate));
			this.results.put("CPU of the first load: service / PostgreSQL / fake upstream and benchmark",
					firstLoadCpu.toString());
			this.results.put("Re-sync, 1% changed", "%,.0f numbers/s".formatted(resync));
			this.results.put("CPU of the re-sync: service / PostgreSQL / fake upstream and benchmark",
					resyncCpu.toString());
			this.results.put("Re-sync / first load", "%.2f".formatted(resync / firstLoad));
			this.results.put("WAL first load / re-sync",
					"%,d / %,d bytes = %.1f%%".formatted(firstWal, resyncWal, 100.0 * resyncWal / firstWal));
			this.results.put("Peak RSS 10k / %,d sync".formatted(numbers), "%d MiB / %d MiB = %.2f"
				.formatted(smallMemory[0] >> 20, largeMemory[0] >> 20, (double) largeMemory[0] / smallMemory[0]));
			this.measured.put("upstream-calls-per-minimum", (double) calls / minimum);
			this.measured.put("first-load-per-copy", firstLoad / copyRate);
			this.measured.put("resync-per-first-load", resync / firstLoad);
			this.measured.put("resync-wal-per-first-load", (double) resyncWal / firstWal);
			this.measured.put("peak-rss-large-per-small", (double) largeMemory[0] / smallMemory[0]);
			this.results.put("Peak heap used 10k / %,d sync".formatted(numbers),
					"%d MiB / %d MiB (-Xmx256m)".formatted(smallMemory[1] >> 20, largeMemory[1] >> 20));
			rest(service, ids.get(0));
			restDuringFirstLoad(service, ids);
		}
		print();
	}

	private double syncAll(Service service, List<String> ids) throws Exception {
		long before = startAll(service, ids);
		Instant deadline = Instant.now().plus(Duration.ofMinutes(30));
		while (query("select count(*) from sync_runs where id > " + before + " and status = 'RUNNING'") > 0) {
			if (Instant.now().isAfter(deadline)) {
				throw new IllegalStateException("Runs did not end within 30 minutes");
			}
			// a scrape costs the service CPU: seldom enough not to weigh on what is
			// measured
			service.sampleMemory();
			Thread.sleep(2000);
		}
		if (query("select count(*) from sync_runs where id > " + before + " and status <> 'SUCCEEDED'") > 0) {
			throw new IllegalStateException("A run failed; see target/bench-service.log");
		}
		try (Connection connection = bench();
				Statement statement = connection.createStatement();
				ResultSet row = statement.executeQuery("select sum(fetched), extract(epoch from max(finished_at) - "
						+ "min(started_at)) from sync_runs where id > " + before)) {
			row.next();
			return row.getLong(1) / row.getDouble(2);
		}
	}

	// starts a run of every business; returns the last run id before them
	private long startAll(Service service, List<String> ids) throws Exception {
		long before = maxRunId();
		for (String id : ids) {
			HttpResponse<String> started = startRun(service, id);
			// the lock of a run that just ended is released a moment after its record
			for (int attempt = 0; started.statusCode() == 409 && attempt < 50; attempt++) {
				Thread.sleep(100);
				started = startRun(service, id);
			}
			if (started.statusCode() != 202) {
				throw new IllegalStateException("Could not start a run of " + id + ": " + started.body());
			}
		}
		return before;
	}

	private HttpResponse<String> startRun(Service service, String id) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(service.uri("/api/v1/businesses/" + id + "/sync"))
			.POST(HttpRequest.BodyPublishers.noBody())
			.build(), HttpResponse.BodyHandlers.ofString());
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
			this.upstream.renderPages(id, PAGE_SIZE, FIELDS);
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
		try (Connection connection = bench(); Statement statement = connection.createStatement()) {
			statement.execute("create table numbers_copy (like numbers including all)");
			long started = System.nanoTime();
			((PGConnection) connection.unwrap(PGConnection.class)).getCopyAPI()
				.copyIn("copy numbers_copy (id, business_id, phone_number, phone_number_e164, code_verification_status,"
						+ " code_verification_time, verification_expiry_time, owner_business_id, owner_business_name,"
						+ " first_seen_at) from stdin with (format csv)", new StringReader(csv.toString()));
			double seconds = (System.nanoTime() - started) / 1e9;
			statement.execute("drop table numbers_copy");
			return ids.size() * PER_BUSINESS / seconds;
		}
	}

	private void rest(Service service, String businessId) throws Exception {
		if (!command("wrk", "--version")) {
			this.results.put("REST", "skipped: wrk is not installed");
			return;
		}
		Endpoint numbers = endpoint(service, numbersPath(businessId), "from numbers n");
		Endpoint alerts = endpoint(service, ALERTS, "from alerts a");
		// the JIT compiles the read path before anything is measured
		wrk(service, numbers.path(), this.warmUp);
		wrk(service, alerts.path(), this.warmUp);
		measureRest(service, numbers, "numbers");
		measureRest(service, alerts, "alerts");
	}

	private static String numbersPath(String businessId) {
		return "/api/v1/numbers?business_id=" + businessId + "&status=VERIFIED";
	}

	// the statement the service sends for a request, its parameters in place, read from
	// its own log while JdbcTemplate's logging is turned up for that one request: pgbench
	// runs what the service runs
	private Endpoint endpoint(Service service, String path, String from) throws Exception {
		Path log = Path.of("target/bench-service.log");
		List<String> loggers = List.of("org.springframework.jdbc.core.JdbcTemplate",
				"org.springframework.jdbc.core.StatementCreatorUtils");
		for (String logger : loggers) {
			service.logLevel(logger, "TRACE");
		}
		long offset = Files.size(log);
		service.get(path);
		for (String logger : loggers) {
			service.logLevel(logger, null);
		}
		String written;
		try (FileChannel file = FileChannel.open(log)) {
			ByteBuffer buffer = ByteBuffer.allocate((int) (file.size() - offset));
			file.read(buffer, offset);
			written = new String(buffer.array(), StandardCharsets.UTF_8);
		}
		// a statement spans lines; it ends where the next log line begins
		Matcher statements = Pattern
			.compile("Executing prepared SQL statement \\[(select .*?)\\]\\R(?=\\d{4}-\\d{2}-\\d{2}T)", Pattern.DOTALL)
			.matcher(written);
		Matcher statement = null;
		while (statement == null && statements.find()) {
			if (statements.group(1).contains(from)) {
				statement = statements;
			}
		}
		if (statement == null) {
			throw new IllegalStateException("No statement " + from + " in the service's log for " + path);
		}
		String sql = statement.group(1).replaceAll("\\s+", " ");
		Matcher value = Pattern
			.compile("Setting SQL statement parameter value: column index \\d+, parameter value \\[([^\\n]*?)\\], ")
			.matcher(written.substring(statement.end()));
		StringBuilder literal = new StringBuilder();
		int at = 0;
		while (sql.indexOf('?', at) >= 0 && value.find()) {
			int mark = sql.indexOf('?', at);
			literal.append(sql, at, mark).append('\'').append(value.group(1).replace("'", "''")).append('\'');
			at = mark + 1;
		}
		if (sql.indexOf('?', at) >= 0) {
			throw new IllegalStateException("A parameter of " + from + " was not in the service's log for " + path);
		}
		Endpoint endpoint = new Endpoint(path, literal.append(sql.substring(at)).append(';').toString());
		System.out.println("pgbench runs the service's statement for " + path + ": " + endpoint.sql());
		return endpoint;
	}

	private void measureRest(Service service, Endpoint endpoint, String name) throws Exception {
		String output = wrk(service, endpoint.path(), this.window);
		Path script = Files.createTempFile("bench", ".sql");
		Files.writeString(script, endpoint.sql());
		URI admin = URI.create(this.adminUrl.substring("jdbc:".length()));
		Process pgbench = new ProcessBuilder("pgbench", "-n", "-c16", "-j2", "-T" + this.window, "-f",
				script.toString(), "-h", admin.getHost(), "-p", Integer.toString(admin.getPort()), "-U", this.user,
				DATABASE)
			.redirectErrorStream(true)
			.start();
		String pgbenchOutput = new String(pgbench.getInputStream().readAllBytes());
		pgbench.waitFor();
		double requests = number(output, "Requests/sec:\\s+([0-9.]+)");
		double tps = number(pgbenchOutput, "tps = ([0-9.]+)");
		this.results.put("GET " + endpoint.path(), "%,.0f req/s, p50 %s, p99 %s; pgbench %,.0f tps; ratio %.2f"
			.formatted(requests, percentile(output, 50), percentile(output, 99), tps, requests / tps));
		this.measured.put(name + "-rest-per-pgbench", requests / tps);
		this.measured.put(name + "-rest-p99-ms", millis(percentile(output, 99)));
	}

	// the read path while every business loads from scratch, as on a first deployment
	private void restDuringFirstLoad(Service service, List<String> ids) throws Exception {
		if (!command("wrk", "--version")) {
			return;
		}
		try (Connection connection = bench(); Statement statement = connection.createStatement()) {
			statement.execute("truncate numbers cascade");
		}
		long before = startAll(service, ids);
		String numbersOutput = wrk(service, numbersPath(ids.get(ids.size() / 2)), this.window);
		String alertsOutput = wrk(service, ALERTS, this.window);
		long running = query("select count(*) from sync_runs where id > " + before + " and status = 'RUNNING'");
		String during = "while %,d numbers load (%d of %d runs still running at the end)"
			.formatted(ids.size() * PER_BUSINESS, running, ids.size());
		this.measured.put("numbers-rest-p99-during-first-load-ms", millis(percentile(numbersOutput, 99)));
		this.results.put("GET /api/v1/numbers " + "during a first load",
				"%,.0f req/s, p50 %s, p99 %s %s".formatted(number(numbersOutput, "Requests/sec:\\s+([0-9.]+)"),
						percentile(numbersOutput, 50), percentile(numbersOutput, 99), during));
		this.results.put("GET /api/v1/alerts during a first load",
				"%,.0f req/s, p50 %s, p99 %s".formatted(number(alertsOutput, "Requests/sec:\\s+([0-9.]+)"),
						percentile(alertsOutput, 50), percentile(alertsOutput, 99)));
		while (query("select count(*) from sync_runs where status = 'RUNNING'") > 0) {
			Thread.sleep(1000);
		}
	}

	private String wrk(Service service, String path, int seconds) throws Exception {
		Process wrk = new ProcessBuilder("wrk", "-t2", "-c16", "-d" + seconds + "s", "--latency",
				service.uri(path).toString())
			.redirectErrorStream(true)
			.start();
		String output = new String(wrk.getInputStream().readAllBytes());
		wrk.waitFor();
		return output;
	}

	private static String percentile(String wrkOutput, int percentile) {
		return text(wrkOutput, "(?m)^\\s+" + percentile + "%\\s+(\\S+)");
	}

	// wrk writes latencies as 830.00us, 13.45ms or 1.02s
	private static double millis(String latency) {
		Matcher matcher = Pattern.compile("([0-9.]+)(us|ms|s)").matcher(latency);
		if (!matcher.matches()) {
			throw new IllegalStateException("Not a latency of wrk's: " + latency);
		}
		double value = Double.parseDouble(matcher.group(1));
		return switch (matcher.group(2)) {
			case "us" -> value / 1000;
			case "s" -> value * 1000;
			default -> value;
		};
	}

	private void print() {
		int width = this.results.keySet().stream().mapToInt(String::length).max().orElse(10);
		System.out.println();
		System.out.println("| " + "Measure" + " ".repeat(width - 7) + " | Result |");
		System.out.println("|" + "-".repeat(width + 2) + "|--------|");
		this.results.forEach((key, value) -> System.out
			.println("| " + key + " ".repeat(width - key.length()) + " | " + value + " |"));
	}

	private Service startService(List<String> ids) throws Exception {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		List<String> command = new ArrayList<>(List.of("java", "-Xmx256m"));
		// such as a flight recording of the service:
		// BENCH_SERVICE_JAVA_OPTIONS=-XX:StartFlightRecording=...
		command.addAll(List.of(env("BENCH_SERVICE_JAVA_OPTIONS", "").split("\\s+"))
			.stream()
			.filter((option) -> !option.isBlank())
			.toList());
		command.addAll(List.of("-jar", this.jar));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(Path.of("target/bench-service.log").toFile()));
		Map<String, String> environment = builder.environment();
		environment.put("SERVER_PORT", Integer.toString(port));
		environment.put("SPRING_DATASOURCE_URL", benchUrl());
		environment.put("SPRING_DATASOURCE_USERNAME", this.user);
		environment.put("PREVERIFIED_GRAPH_API_BASE_URL", this.upstream.baseUrl());
		environment.put("PREVERIFIED_GRAPH_API_PAGE_SIZE", Integer.toString(PAGE_SIZE));
		environment.put("PREVERIFIED_SYNC_INITIAL_DELAY", "1h");
		environment.put("PREVERIFIED_SYNC_INTERVAL", "1h");
		environment.put("PREVERIFIED_ALERTS_EVALUATION_INTERVAL", "1h");
		environment.put("LOGGING_LEVEL_IO_PREVERIFIED", "WARN");
		// the statements pgbench runs are read from the service's log, its level turned
		// up
		// for one request each
		environment.put("MANAGEMENT_ENDPOINTS_WEB_EXPOSURE_INCLUDE", "health,prometheus,loggers");
		// the benchmark starts runs through the API of a service with no keys
		environment.put("PREVERIFIED_API_ANONYMOUS_WRITES", "true");
		for (int i = 0; i < ids.size(); i++) {
			environment.put("PREVERIFIED_BUSINESSES_" + i + "_ID", ids.get(i));
			environment.put("PREVERIFIED_BUSINESSES_" + i + "_ACCESS_TOKEN", "token-" + ids.get(i));
		}
		Service service = new Service(builder.start(), port);
		Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
		while (!service.ready()) {
			if (Instant.now().isAfter(deadline) || !service.process.isAlive()) {
				service.close();
				throw new IllegalStateException("The service did not start; see target/bench-service.log");
			}
			Thread.sleep(250);
		}
		return service;
	}

	private void freshDatabase() throws SQLException {
		try (Connection connection = DriverManager.getConnection(this.adminUrl, this.user, "");
				Statement statement = connection.createStatement()) {
			statement.execute("drop database if exists " + DATABASE + " with (force)");
			statement.execute("create database " + DATABASE);
		}
	}

	private long walLsn() throws SQLException {
		return query("select pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::bigint");
	}

	private long maxRunId() throws SQLException {
		return query("select coalesce(max(id), 0) from sync_runs");
	}

	private long query(String sql) throws SQLException {
		try (Connection connection = bench();
				Statement statement = connection.createStatement();
				ResultSet row = statement.executeQuery(sql)) {
			row.next();
			return row.getLong(1);
		}
	}

	private Connection bench() throws SQLException {
		return DriverManager.getConnection(benchUrl(), this.user, "");
	}

	private String benchUrl() {
		return this.adminUrl.substring(0, this.adminUrl.lastIndexOf('/') + 1) + DATABASE;
	}

	private static boolean command(String... command) {
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			process.getInputStream().readAllBytes();
			return process.waitFor(10, TimeUnit.SECONDS);
		}
		catch (IOException | InterruptedException ex) {
			return false;
		}
	}

	private static double number(String text, String pattern) {
		Matcher matcher = Pattern.compile(pattern).matcher(text);
		return matcher.find() ? Double.parseDouble(matcher.group(1)) : Double.NaN;
	}

	private static String text(String text, String pattern) {
		Matcher matcher = Pattern.compile(pattern).matcher(text);
		return matcher.find() ? matcher.group(1) : "?";
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return (value != null && !value.isBlank()) ? value : fallback;
	}

	static {
		Locale.setDefault(Locale.ROOT);
	}

	private record Endpoint(String path, String sql) {

	}

	/**
	 * The service under measure, in a process of its own.
	 */
	private final class Service implements AutoCloseable {

		private final Process process;

		private final int port;

		private long peakHeap;

		Service(Process process, int port) {
			this.process = process;
			this.port = port;
		}

		URI uri(String path) {
			return URI.create("http://127.0.0.1:" + this.port + path);
		}

		boolean ready() {
			try {
				return Benchmark.this.http
					.send(HttpRequest.newBuilder(uri("/actuator/health/readiness")).build(),
							HttpResponse.BodyHandlers.discarding())
					.statusCode() == 200;
			}
			catch (IOException | InterruptedException ex) {
				return false;
			}
		}

		void get(String path) throws IOException, InterruptedException {
			int status = Benchmark.this.http
				.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.discarding())
				.statusCode();
			if (status != 200) {
				throw new IllegalStateException("GET " + path + " answered " + status);
			}
		}

		// through Actuator's loggers endpoint, which the benchmark's service exposes;
		// null: back to the configured level
		void logLevel(String logger, String level) {
			try {
				HttpResponse<Void> response = Benchmark.this.http
					.send(HttpRequest.newBuilder(uri("/actuator/loggers/" + logger))
						.header("Content-Type", "application/json")
						.POST(HttpRequest.BodyPublishers.ofString(
								"{\"configuredLevel\": " + ((level != null) ? "\"" + level + "\"" : "null") + "}"))
						.build(), HttpResponse.BodyHandlers.discarding());
				if (response.statusCode() != 204) {
					throw new IllegalStateException(
							"The level of " + logger + " was not set: " + response.statusCode());
				}
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}

		void sampleMemory() throws Exception {
			String metrics = Benchmark.this.http
				.send(HttpRequest.newBuilder(uri("/actuator/prometheus")).build(), HttpResponse.BodyHandlers.ofString())
				.body();
			Matcher heap = Pattern.compile("(?m)^jvm_memory_used_bytes\\{area=\"heap\"[^}]*\\} ([0-9.E+]+)")
				.matcher(metrics);
			long used = 0;
			while (heap.find()) {
				used += (long) Double.parseDouble(heap.group(1));
			}
			this.peakHeap = Math.max(this.peakHeap, used);
		}

		/**
		 * @return peak resident set size and peak heap used, in bytes
		 */
		long[] memory() throws IOException {
			String status = Files.readString(Path.of("/proc/" + this.process.pid() + "/status"));
			long peakRss = (long) number(status, "VmHWM:\\s+(\\d+) kB") * 1024;
			return new long[] { peakRss, this.peakHeap };
		}

		@Override
		public void close() throws InterruptedException {
			this.process.destroy();
			if (!this.process.waitFor(60, TimeUnit.SECONDS)) {
				this.process.destroyForcibly();
			}
		}

	}

	/**
	 * CPU time used so far by the service, by every PostgreSQL process, and by this JVM
	 * (the fake Graph API and the benchmark), read from {@code /proc} in clock ticks.
	 */
	private record CpuUse(long service, long postgres, long benchmark, long wallNanos) {

		// the kernel's USER_HZ, as good as always 100
		private static final double TICKS_PER_SECOND = 100;

		static CpuUse now(Process service) throws IOException {
			long postgres = 0;
			try (var processes = Files.list(Path.of("/proc"))) {
				for (Path process : processes.filter((path) -> path.getFileName().toString().matches("\\d+"))
					.toList()) {
					try {
						if (Files.readString(process.resolve("comm")).trim().equals("postgres")) {
							postgres += ticks(process);
						}
					}
					catch (IOException ex) {
						// the process ended meanwhile
					}
				}
			}
			return new CpuUse(ticks(Path.of("/proc/" + service.pid())), postgres, ticks(Path.of("/proc/self")),
					System.nanoTime());
		}

		private static long ticks(Path process) throws IOException {
			String stat = Files.readString(process.resolve("stat"));
			String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			// utime and stime, fields 14 and 15 of the whole line
			return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
		}

		CpuUse minus(CpuUse before) {
			return new CpuUse(this.service - before.service, this.postgres - before.postgres,
					this.benchmark - before.benchmark, this.wallNanos - before.wallNanos);
		}

		@Override
		public String toString() {
			double wall = this.wallNanos / 1e9;
			return "%.0f / %.0f / %.0f core-seconds in %.0f s (%.2f / %.2f / %.2f cores)".formatted(
					this.service / TICKS_PER_SECOND, this.postgres / TICKS_PER_SECOND,
					this.benchmark / TICKS_PER_SECOND, wall, this.service / TICKS_PER_SECOND / wall,
					this.postgres / TICKS_PER_SECOND / wall, this.benchmark / TICKS_PER_SECOND / wall);
		}

	}

}
