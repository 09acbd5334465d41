package io.preverified.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the scenarios measured: lines of the results table, and the measures the targets
 * bound, by the names {@code bench/targets.tsv} gives them.
 */
final class Results {

	private final Map<String, String> lines = new LinkedHashMap<>();

	private final Map<String, Double> measured = new LinkedHashMap<>();

	void line(String measure, String result) {
		this.lines.put(measure, result);
	}

	void measure(String name, double value) {
		this.measured.put(name, value);
	}

	Map<String, Double> measured() {
		return this.measured;
	}

	void print() {
		int width = this.lines.keySet().stream().mapToInt(String::length).max().orElse(10);
		System.out.println();
		System.out.println("| " + "Measure" + " ".repeat(width - 7) + " | Result |");
		System.out.println("|" + "-".repeat(width + 2) + "|--------|");
		this.lines.forEach((key, value) -> System.out
			.println("| " + key + " ".repeat(width - key.length()) + " | " + value + " |"));
	}

}
