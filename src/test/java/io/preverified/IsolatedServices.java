package io.preverified;

import java.net.InetSocketAddress;
import java.net.URI;
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

	private final JdbcConnectionDetails direct;

	public IsolatedServices(String schema) {
		this(schema, null);
	}

	/**
	 * Isolated services that reach the tests' PostgreSQL through a relay.
	 * @param schema their schema
	 * @param relay the relay, or {@code null} to connect directly
	 */
	public IsolatedServices(String schema, TcpRelay relay) {
		this.schema = schema;
		JdbcConnectionDetails shared = TestDatabase.connectionDetails(new StandardEnvironment());
		String url = shared.getJdbcUrl() + (shared.getJdbcUrl().contains("?") ? "&" : "?") + "currentSchema=" + schema;
		this.direct = TestDatabase.details(url, shared.getUsername(), shared.getPassword());
		this.database = (relay != null)
				? TestDatabase.details(url.replaceFirst("//[^/]+/", "//127.0.0.1:" + relay.port() + "/"),
						shared.getUsername(), shared.getPassword())
				: this.direct;
		new JdbcTemplate(dataSource(shared)).execute("drop schema if exists " + schema + " cascade");
	}

	/**
	 * Where the tests' PostgreSQL listens.
	 * @return its host and port
	 */
	public static InetSocketAddress databaseAddress() {
		URI uri = URI.create(TestDatabase.connectionDetails(new StandardEnvironment()).getJdbcUrl().substring(5));
		return InetSocketAddress.createUnresolved(uri.getHost(), uri.getPort());
	}

	/**
	 * The database of this schema, for a service in another process.
	 * @return {@code spring.datasource.*} and {@code spring.flyway.schemas} arguments
	 */
	public List<String> databaseArguments() {
		return List.of("--spring.flyway.schemas=" + this.schema,
				"--spring.datasource.url=" + this.database.getJdbcUrl(),
				"--spring.datasource.username=" + this.database.getUsername(),
				"--spring.datasource.password=" + this.database.getPassword());
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
	 * Reads and writes this schema, directly, not through a relay.
	 * @return a template on it
	 */
	public JdbcTemplate jdbc() {
		return new JdbcTemplate(dataSource(this.direct));
	}

	private static DataSource dataSource(JdbcConnectionDetails details) {
		return new DriverManagerDataSource(details.getJdbcUrl(), details.getUsername(), details.getPassword());
	}

}
