package io.preverified.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time used so far by the service, by every PostgreSQL process, and by this JVM (the
 * fake Graph API and the benchmark), read from {@code /proc} in clock ticks.
 */
record CpuUse(long service, long postgres, long benchmark, long wallNanos) {

	// the kernel's USER_HZ, as good as always 100
	private static final double TICKS_PER_SECOND = 100;

	static CpuUse now(Process service) throws IOException {
		long postgres = 0;
		try (var processes = Files.list(Path.of("/proc"))) {
			for (Path process : processes.filter((path) -> path.getFileName().toString().matches("\\d+")).toList()) {
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
				this.service / TICKS_PER_SECOND, this.postgres / TICKS_PER_SECOND, this.benchmark / TICKS_PER_SECOND,
				wall, this.service / TICKS_PER_SECOND / wall, this.postgres / TICKS_PER_SECOND / wall,
				this.benchmark / TICKS_PER_SECOND / wall);
	}

}
