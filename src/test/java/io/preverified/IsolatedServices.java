package io.preverified;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.awaitility.Awaitility;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
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

	private static final HttpClient http = HttpClient.newHttpClient();

	static final String GRAPH_API_BASE_URL = "preverified.graph-api.base-url";

	private final String schema;

	private final JdbcConnectionDetails database;

	private final JdbcConnectionDetails direct;

	// what every start is given beside its own properties
	private final List<String> wiring;

	/**
	 * Isolated services, usually made by {@link TestServices}.
	 * @param schema their schema
	 * @param relay the relay to reach PostgreSQL through, or {@code null} to connect
	 * directly
	 * @param graphApiBaseUrl the Graph API they call, or {@code null} to leave it to the
	 * properties of each start
	 */
	IsolatedServices(String schema, TcpRelay relay, String graphApiBaseUrl) {
		this.wiring = (graphApiBaseUrl != null) ? List.of(GRAPH_API_BASE_URL + "=" + graphApiBaseUrl) : List.of();
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
	 * Where an instance answers HTTP.
	 * @param instance a running instance
	 * @return its base URL, such as {@code http://127.0.0.1:41234}
	 */
	public static String baseUrl(ConfigurableApplicationContext instance) {
		return "http://127.0.0.1:" + ((WebServerApplicationContext) instance).getWebServer().getPort();
	}

	/**
	 * Sends a request to an instance, a JSON body with it when there is one.
	 * @param instance a running instance
	 * @param method the HTTP method
	 * @param path the path, query included
	 * @param json the body, or {@code null} for none
	 * @param headers more headers, as names and values
	 * @return the response
	 * @throws Exception when the request fails
	 */
	public static HttpResponse<String> send(ConfigurableApplicationContext instance, String method, String path,
			String json, String... headers) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl(instance) + path))
			.method(method,
					(json != null) ? HttpRequest.BodyPublishers.ofString(json) : HttpRequest.BodyPublishers.noBody());
		if (json != null) {
			request.header("Content-Type", "application/json");
		}
		for (int i = 0; i < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
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
	 * The database of this schema and the Graph API, for a service in another process.
	 * @return {@code spring.datasource.*}, {@code spring.flyway.schemas} and Graph API
	 * arguments
	 */
	public List<String> arguments() {
		List<String> arguments = new ArrayList<>(List.of("--spring.flyway.schemas=" + this.schema,
				"--spring.datasource.url=" + this.database.getJdbcUrl(),
				"--spring.datasource.username=" + this.database.getUsername(),
				"--spring.datasource.password=" + this.database.getPassword()));
		this.wiring.forEach((property) -> arguments.add("--" + property));
		return arguments;
	}

	/**
	 * Starts an instance on this schema.
	 * @param properties its properties, as {@code key=value}
	 * @return the running instance
	 */
	public ConfigurableApplicationContext start(String... properties) {
		List<String> all = new ArrayList<>(List.of("server.port=0", "spring.flyway.schemas=" + this.schema));
		all.addAll(this.wiring);
		all.addAll(List.of(properties));
		SpringApplication application = new SpringApplicationBuilder(PreverifiedSyncApplication.class)
			.initializers(
					(context) -> context.getBeanFactory().registerSingleton("jdbcConnectionDetails", this.database))
			.properties(all.toArray(String[]::new))
			.build();
		// instances start and stop beside the tests' own contexts: logging is set up and
		// torn down by those alone, never by two threads at once
		application.setListeners(application.getListeners()
			.stream()
			.filter((listener) -> !(listener instanceof LoggingApplicationListener))
			.toList());
		return application.run();
	}

	/**
	 * Starts two replicas on this schema, and waits for the first run one of them
	 * finished.
	 * @param properties the properties of both
	 * @return the replicas
	 */
	public List<ConfigurableApplicationContext> startTwoReplicasSynced(String... properties) {
		List<ConfigurableApplicationContext> replicas = List.of(start(properties), start(properties));
		JdbcTemplate jdbc = jdbc();
		Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.until(() -> jdbc.queryForObject("select count(*) from sync_runs where status = 'SUCCEEDED'",
					Integer.class) > 0);
		return replicas;
	}

	/**
	 * Stops instances, those that started.
	 * @param instances the instances, {@code null} for one that did not start
	 */
	public static void stop(List<ConfigurableApplicationContext> instances) {
		if (instances != null) {
			instances.forEach(ConfigurableApplicationContext::close);
		}
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
