package io.preverified.bench;

import java.io.IOException;
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
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.preverified.graphapi.FakeGraphApi;

/**
 * The service under measure, the packaged jar in a process of its own on the benchmark's
 * database and the fake Graph API; its log goes to {@code target/bench-service.log}.
 */
final class ServiceProcess implements AutoCloseable {

	static final Path LOG = Path.of("target/bench-service.log");

	private final Process process;

	private final int port;

	private final BenchDatabase database;

	private final HttpClient http = HttpClient.newHttpClient();

	private long peakHeap;

	private ServiceProcess(Process process, int port, BenchDatabase database) {
		this.process = process;
		this.port = port;
		this.database = database;
	}

	/**
	 * Starts the service and waits until it is ready.
	 * @param jar the packaged service
	 * @param database its database
	 * @param upstream the fake Graph API
	 * @param pageSize the page size it asks upstream for
	 * @param ids the businesses it keeps
	 * @return the service
	 */
	static ServiceProcess start(String jar, BenchDatabase database, FakeGraphApi upstream, int pageSize,
			List<String> ids) throws Exception {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		List<String> command = new ArrayList<>(List.of("java", "-Xmx256m"));
		// such as a flight recording of the service:
		// BENCH_SERVICE_JAVA_OPTIONS=-XX:StartFlightRecording=...
		command.addAll(List.of(Benchmark.env("BENCH_SERVICE_JAVA_OPTIONS", "").split("\\s+"))
			.stream()
			.filter((option) -> !option.isBlank())
			.toList());
		command.addAll(List.of("-jar", jar));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(LOG.toFile()));
		Map<String, String> environment = builder.environment();
		environment.put("SERVER_PORT", Integer.toString(port));
		environment.put("SPRING_DATASOURCE_URL", database.url());
		environment.put("SPRING_DATASOURCE_USERNAME", database.user());
		environment.put("PREVERIFIED_GRAPH_API_BASE_URL", upstream.baseUrl());
		environment.put("PREVERIFIED_GRAPH_API_PAGE_SIZE", Integer.toString(pageSize));
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
		ServiceProcess service = new ServiceProcess(builder.start(), port, database);
		Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
		while (!service.ready()) {
			if (Instant.now().isAfter(deadline) || !service.process.isAlive()) {
				service.close();
				throw new IllegalStateException("The service did not start; see " + LOG);
			}
			Thread.sleep(250);
		}
		return service;
	}

	URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	Process process() {
		return this.process;
	}

	/**
	 * Runs every business once, all at the same time, and waits until they all ended.
	 * @param ids the businesses
	 * @return numbers a second, from the first start to the last end
	 */
	double syncAll(List<String> ids) throws Exception {
		long before = startAll(ids);
		Instant deadline = Instant.now().plus(Duration.ofMinutes(30));
		while (this.database
			.query("select count(*) from sync_runs where id > " + before + " and status = 'RUNNING'") > 0) {
			if (Instant.now().isAfter(deadline)) {
				throw new IllegalStateException("Runs did not end within 30 minutes");
			}
			// a scrape costs the service CPU: seldom enough not to weigh on what is
			// measured
			sampleMemory();
			Thread.sleep(2000);
		}
		if (this.database
			.query("select count(*) from sync_runs where id > " + before + " and status <> 'SUCCEEDED'") > 0) {
			throw new IllegalStateException("A run failed; see " + LOG);
		}
		try (Connection connection = this.database.connect();
				Statement statement = connection.createStatement();
				ResultSet row = statement.executeQuery("select sum(fetched), extract(epoch from max(finished_at) - "
						+ "min(started_at)) from sync_runs where id > " + before)) {
			row.next();
			return row.getLong(1) / row.getDouble(2);
		}
	}

	/**
	 * Starts a run of every business.
	 * @param ids the businesses
	 * @return the last run id before them
	 */
	long startAll(List<String> ids) throws Exception {
		long before = this.database.query("select coalesce(max(id), 0) from sync_runs");
		for (String id : ids) {
			HttpResponse<String> started = startRun(id);
			// the lock of a run that just ended is released a moment after its record
			for (int attempt = 0; started.statusCode() == 409 && attempt < 50; attempt++) {
				Thread.sleep(100);
				started = startRun(id);
			}
			if (started.statusCode() != 202) {
				throw new IllegalStateException("Could not start a run of " + id + ": " + started.body());
			}
		}
		return before;
	}

	long running(long afterRunId) throws SQLException {
		return this.database
			.query("select count(*) from sync_runs where id > " + afterRunId + " and status = 'RUNNING'");
	}

	private HttpResponse<String> startRun(String id) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(uri("/api/v1/businesses/" + id + "/sync"))
			.POST(HttpRequest.BodyPublishers.noBody())
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * The statement the service sends for a request, its parameters in place, read from
	 * its own log while JdbcTemplate's logging is turned up for that one request.
	 * @param path the request
	 * @param from what tells the statement apart, such as {@code from numbers n}
	 * @return the statement, ready for pgbench
	 */
	String statement(String path, String from) throws Exception {
		List<String> loggers = List.of("org.springframework.jdbc.core.JdbcTemplate",
				"org.springframework.jdbc.core.StatementCreatorUtils");
		for (String logger : loggers) {
			logLevel(logger, "TRACE");
		}
		long offset = Files.size(LOG);
		get(path);
		for (String logger : loggers) {
			logLevel(logger, null);
		}
		String written;
		try (FileChannel file = FileChannel.open(LOG)) {
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
		return literal.append(sql.substring(at)).append(';').toString();
	}

	private boolean ready() {
		try {
			return this.http
				.send(HttpRequest.newBuilder(uri("/actuator/health/readiness")).build(),
						HttpResponse.BodyHandlers.discarding())
				.statusCode() == 200;
		}
		catch (IOException | InterruptedException ex) {
			return false;
		}
	}

	private void get(String path) throws IOException, InterruptedException {
		int status = this.http.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.discarding())
			.statusCode();
		if (status != 200) {
			throw new IllegalStateException("GET " + path + " answered " + status);
		}
	}

	// through Actuator's loggers endpoint, which the benchmark's service exposes; null:
	// back to the configured level
	private void logLevel(String logger, String level) throws IOException, InterruptedException {
		HttpResponse<Void> response = this.http.send(HttpRequest.newBuilder(uri("/actuator/loggers/" + logger))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers
				.ofString("{\"configuredLevel\": " + ((level != null) ? "\"" + level + "\"" : "null") + "}"))
			.build(), HttpResponse.BodyHandlers.discarding());
		if (response.statusCode() != 204) {
			throw new IllegalStateException("The level of " + logger + " was not set: " + response.statusCode());
		}
	}

	void sampleMemory() throws Exception {
		String metrics = this.http
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
	 * Peak resident set size and peak heap used.
	 * @return both, in bytes
	 */
	long[] memory() throws IOException {
		String status = Files.readString(Path.of("/proc/" + this.process.pid() + "/status"));
		long peakRss = (long) Benchmark.number(status, "VmHWM:\\s+(\\d+) kB") * 1024;
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
