package io.preverified.bench;

import java.io.IOException;
import java.net.URI;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code wrk -t2 -c16} measurement of a URL and what it printed.
 *
 * @param output what wrk printed
 */
record Wrk(String output) {

	static boolean installed() {
		try {
			Process process = new ProcessBuilder("wrk", "--version").redirectErrorStream(true).start();
			process.getInputStream().readAllBytes();
			return process.waitFor(10, TimeUnit.SECONDS);
		}
		catch (IOException | InterruptedException ex) {
			return false;
		}
	}

	static Wrk run(URI uri, int seconds) throws IOException, InterruptedException {
		Process wrk = new ProcessBuilder("wrk", "-t2", "-c16", "-d" + seconds + "s", "--latency", uri.toString())
			.redirectErrorStream(true)
			.start();
		String output = new String(wrk.getInputStream().readAllBytes());
		wrk.waitFor();
		return new Wrk(output);
	}

	double requestsPerSecond() {
		return Benchmark.number(this.output, "Requests/sec:\\s+([0-9.]+)");
	}

	String percentile(int percentile) {
		Matcher matcher = Pattern.compile("(?m)^\\s+" + percentile + "%\\s+(\\S+)").matcher(this.output);
		return matcher.find() ? matcher.group(1) : "?";
	}

	// wrk writes latencies as 830.00us, 13.45ms or 1.02s
	double percentileMillis(int percentile) {
		String latency = percentile(percentile);
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

	String summary() {
		return "%,.0f req/s, p50 %s, p99 %s".formatted(requestsPerSecond(), percentile(50), percentile(99));
	}

}
