package io.preverified;

import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Whole instances of the service for tests that stop, restart or run several of them:
 * each test gets a database schema of its own on the tests' PostgreSQL, so no other
 * test's instance touches its data.
 */
public final class IsolatedServices {

	private final String schema;

	private final JdbcConnectionDetails database;

	public IsolatedServices(String schema) {
		this.schema = schema;
		JdbcConnectionDetails shared = TestDatabase.connectionDetails(new StandardEnvironment());
		String url = shared.getJdbcUrl() + (shared.getJdbcUrl().contains("?") ? "&" : "?") + "currentSchema=" + schema;
		this.database = TestDatabase.details(url, shared.getUsername(), shared.getPassword());
		new JdbcTemplate(dataSource(shared)).execute("drop schema if exists " + schema + " cascade");
	}

	/**
	 * Starts an instance on this schema.
	 * @param properties its properties, as {@code key=value}
	 * @return the running instance
	 */
	public ConfigurableApplicationContext start(String... properties) {
		List<String> all = new ArrayList<>(List.of("server.port=0", "spring.flyway.schemas=" + this.schema));
		all.addAll(List.of(properties));
		return new SpringApplicationBuilder(PreverifiedSyncApplication.class)
			.initializers(
					(context) -> context.getBeanFactory().registerSingleton("jdbcConnectionDetails", this.database))
			.properties(all.toArray(String[]::new))
			.run();
	}

	/**
	 * Reads and writes this schema while no instance runs.
	 * @return a template on it
	 */
	public JdbcTemplate jdbc() {
		return new JdbcTemplate(dataSource(this.database));
	}

	private static DataSource dataSource(JdbcConnectionDetails details) {
		return new DriverManagerDataSource(details.getJdbcUrl(), details.getUsername(), details.getPassword());
	}

}
