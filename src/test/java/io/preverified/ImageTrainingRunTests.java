package io.preverified;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The training run of the image's AOT cache, as the {@code Dockerfile} runs it at build
 * time, where no database is: the context refreshes and the run ends with status 0, so
 * nothing reads the database while the context is created.
 */
class ImageTrainingRunTests {

	// the training run's command, its continued lines included
	private static final Pattern TRAINING = Pattern.compile("RUN java -XX:AOTCacheOutput=\\S+ ((?:.*\\\\\\n)*.*)");

	@Test
	void contextRefreshesWithoutADatabase() throws Exception {
		Matcher training = TRAINING.matcher(Files.readString(Path.of("Dockerfile")));
		assertThat(training.find()).as("the Dockerfile's training run").isTrue();
		List<String> arguments = List.of(training.group(1).replace("\\\n", " ").trim().split("\\s+"));
		assertThat(arguments).contains("-Dspring.context.exit=onRefresh", "--spring.flyway.enabled=false");

		List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-cp",
				System.getProperty("java.class.path")));
		arguments.stream().filter((argument) -> argument.startsWith("-D")).forEach(command::add);
		command.add(PreverifiedSyncApplication.class.getName());
		arguments.stream().filter((argument) -> argument.startsWith("--")).forEach(command::add);
		File log = new File("target/image-training-run.log");
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();

		assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("the training run ends").isTrue();
		assertThat(process.exitValue()).as(Files.readString(log.toPath())).isZero();
	}

}
