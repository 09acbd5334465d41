package io.preverified.health;

import javax.sql.DataSource;

import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.jdbc.health.DataSourceHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code db} health component, bounded: with the database gone it reports
 * {@code DOWN} within {@link BoundedHealthIndicator#DEFAULT_TIMEOUT}, where the plain
 * check would wait for the pool's connection timeout.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseHealthConfiguration {

	@Bean
	HealthIndicator dbHealthIndicator(DataSource dataSource) {
		DataSourceHealthIndicator check = new DataSourceHealthIndicator(dataSource);
		return new BoundedHealthIndicator("db", check, BoundedHealthIndicator.DEFAULT_TIMEOUT, Status.DOWN);
	}

}
