package io.preverified;

import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Points the application at the PostgreSQL that {@link TestDatabase} chooses.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestDatabaseConfiguration {

	@Bean
	JdbcConnectionDetails jdbcConnectionDetails(Environment environment) {
		return TestDatabase.connectionDetails(environment);
	}

}
