package io.preverified;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.core.env.Environment;

/**
 * The one place where tests and the local run choose their PostgreSQL: an explicit
 * {@code spring.datasource.url} (such as {@code SPRING_DATASOURCE_URL}), else a
 * Testcontainers PostgreSQL where Docker runs, else an embedded PostgreSQL running real
 * PostgreSQL binaries. Started once per JVM and shared, so each test cleans what it
 * reads.
 */
final class TestDatabase {

	private static final Logger logger = LoggerFactory.getLogger(TestDatabase.class);

	private static JdbcConnectionDetails started;

	private TestDatabase() {
	}

	static synchronized JdbcConnectionDetails connectionDetails(Environment environment) {
		String url = environment.getProperty("spring.datasource.url");
		if (url != null && !url.isBlank()) {
			return details(url, environment.getProperty("spring.datasource.username", "postgres"),
					environment.getProperty("spring.datasource.password", ""));
		}
		if (started == null) {
			started = (dockerMayRun() && DockerClientFactory.instance().isDockerAvailable()) ? startContainer()
					: startEmbedded();
		}
		return started;
	}

	// asking Testcontainers where no Docker can be found logs errors a newcomer need not
	// see
	private static boolean dockerMayRun() {
		String home = System.getProperty("user.home");
		return System.getenv("DOCKER_HOST") != null || Files.exists(Path.of("/var/run/docker.sock"))
				|| Files.exists(Path.of(home, ".testcontainers.properties"))
				|| Files.exists(Path.of(home, ".docker", "run", "docker.sock"))
				|| Files.exists(Path.of(home, ".colima")) || Files.exists(Path.of(home, ".rd", "docker.sock"));
	}

	@SuppressWarnings("resource")
	private static JdbcConnectionDetails startContainer() {
		PostgreSQLContainer container = new PostgreSQLContainer("postgres:17-alpine");
		container.start();
		logger.info("Using PostgreSQL in a container at {}", container.getJdbcUrl());
		return details(container.getJdbcUrl(), container.getUsername(), container.getPassword());
	}

	private static JdbcConnectionDetails startEmbedded() {
		try {
			EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				try {
					postgres.close();
				}
				catch (IOException ex) {
					// the process is going away anyway
				}
			}));
			String url = postgres.getJdbcUrl("postgres", "postgres");
			logger.info("Docker is not available; using embedded PostgreSQL at {}", url);
			return details(url, "postgres", "");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start embedded PostgreSQL", ex);
		}
	}

	static JdbcConnectionDetails details(String url, String username, String password) {
		return new JdbcConnectionDetails() {

			@Override
			public String getJdbcUrl() {
				return url;
			}

			@Override
			public String getUsername() {
				return username;
			}

			@Override
			public String getPassword() {
				return password;
			}

		};
	}

}
