package io.preverified.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The benchmark's targets, read from {@code bench/targets.tsv} (or the file
 * {@code BENCH_TARGETS} names): each bounds one measure from below or above, in every run
 * or in the full run only.
 */
final class Targets {

	private final List<Target> targets;

	private Targets(List<Target> targets) {
		this.targets = targets;
	}

	static Targets read(Path file) throws IOException {
		return new Targets(Files.readAllLines(file)
			.stream()
			.filter((line) -> !line.isBlank() && !line.startsWith("#"))
			.map(Target::parse)
			.toList());
	}

	/**
	 * Prints every target beside what was measured.
	 * @param measured the measures, by name
	 * @param small whether this is the small run, which checks only the targets of every
	 * scale
	 * @return whether every target checked held; a checked measure that was not taken
	 * misses its target
	 */
	boolean check(Map<String, Double> measured, boolean small) {
		boolean held = true;
		System.out.println();
		System.out.println("| Target | Measured | Verdict |");
		System.out.println("|---|---|---|");
		for (Target target : this.targets) {
			Double value = measured.get(target.measure());
			boolean checked = !small || target.everyScale();
			String verdict;
			if (value == null) {
				verdict = checked ? "MISSED: not measured" : "not measured";
				held &= !checked;
			}
			else if (target.holds(value)) {
				verdict = checked ? "met" : "met (reported only)";
			}
			else {
				verdict = checked ? "MISSED" : "missed (reported only)";
				held &= !checked;
			}
			System.out.printf(Locale.ROOT, "| %s %s %s | %s | %s |%n", target.measure(), target.atLeast() ? ">=" : "<=",
					format(target.value()), (value != null) ? format(value) : "-", verdict);
		}
		System.out.println();
		System.out.println(held ? "Every target checked held." : "A target was missed.");
		return held;
	}

	private static String format(double value) {
		String pattern = (Math.abs(value) >= 10) ? "%.0f" : (Math.abs(value) >= 0.1) ? "%.2f" : "%.4f";
		return String.format(Locale.ROOT, pattern, value);
	}

	private record Target(String measure, boolean atLeast, double value, boolean everyScale) {

		static Target parse(String line) {
			String[] columns = line.split("\t");
			if (columns.length != 4 || !List.of("min", "max").contains(columns[1])
					|| !List.of("all", "full").contains(columns[3])) {
				throw new IllegalArgumentException("A target is: measure, min or max, value, all or full, "
						+ "separated by tabs; was '" + line + "'");
			}
			return new Target(columns[0], columns[1].equals("min"), Double.parseDouble(columns[2]),
					columns[3].equals("all"));
		}

		boolean holds(double measured) {
			return this.atLeast ? measured >= this.value : measured <= this.value;
		}

	}

}
