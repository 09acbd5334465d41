package io.preverified;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The modules (one per top-level package) depend on each other only through their
 * top-level packages, without cycles; their documentation (a component diagram of all,
 * one per module, and a canvas of each) is written to
 * {@code target/spring-modulith-docs}.
 */
class ModularityTests {

	private static final ApplicationModules modules = ApplicationModules.of(PreverifiedSyncApplication.class);

	@Test
	void modulesRespectTheirBoundaries() {
		modules.verify();
	}

	@Test
	void modulesAreDocumented() throws Exception {
		new Documenter(modules).writeDocumentation();

		Path docs = Path.of("target/spring-modulith-docs");
		assertThat(docs.resolve("components.puml")).exists();
		assertThat(Files.readString(docs.resolve("components.puml"))).contains("\"Numbers\"", "\"Sync\"", "\"Alerts\"",
				"\"Reservations\"");
		assertThat(docs.resolve("module-numbers.adoc")).exists();
	}

}
