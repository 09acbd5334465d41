package io.preverified.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Which run checks which target of {@code bench/targets.tsv}.
 */
class TargetsTests {

	@TempDir
	Path directory;

	@Test
	void theSmallRunChecksTheTargetsOfEveryRunOnly() throws IOException {
		Targets targets = targets("ratio\tmin\t0.50\tfull", "calls\tmax\t1.00\tall");

		assertThat(targets.check(Map.of("ratio", 0.20, "calls", 1.0), true)).isTrue();
		assertThat(targets.check(Map.of("ratio", 0.20, "calls", 1.5), true)).isFalse();
		assertThat(targets.check(Map.of("ratio", 0.20), true)).isFalse();
	}

	@Test
	void theFullRunChecksEveryTarget() throws IOException {
		Targets targets = targets("ratio\tmin\t0.50\tfull", "calls\tmax\t1.00\tall");

		assertThat(targets.check(Map.of("ratio", 0.55, "calls", 1.0), false)).isTrue();
		assertThat(targets.check(Map.of("ratio", 0.20, "calls", 1.0), false)).isFalse();
		assertThat(targets.check(Map.of("ratio", 0.55), false)).isFalse();
	}

	@Test
	void aTargetOfAnotherScaleIsRefused() throws IOException {
		Files.writeString(this.directory.resolve("targets.tsv"), "ratio\tmin\t0.50\tsometimes\n");

		assertThatIllegalArgumentException().isThrownBy(() -> Targets.read(this.directory.resolve("targets.tsv")))
			.withMessageContaining("all or full");
	}

	private Targets targets(String... lines) throws IOException {
		Path file = this.directory.resolve("targets.tsv");
		Files.writeString(file, "# measure\tbound\ttarget\tscale\n" + String.join("\n", lines) + "\n");
		return Targets.read(file);
	}

}
