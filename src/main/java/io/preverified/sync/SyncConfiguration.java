package io.preverified.sync;

import java.time.Clock;
import java.util.Optional;

import javax.sql.DataSource;

import io.preverified.businesses.BusinessDirectory;
import io.preverified.graphapi.GraphApiClient;
import io.preverified.health.BoundedHealthIndicator;
import io.preverified.web.ApiParameters;
import io.preverified.web.ScopedPath;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The sync pool and the database locks that keep one run per business across replicas.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SyncProperties.class)
class SyncConfiguration {

	@Bean
	ThreadPoolTaskExecutor syncExecutor(SyncProperties properties) {
		// a thread per running business, however many are added at runtime: how many sync
		// at once is up to SyncSlotPool, which a throttled business lends its slot from
		ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
		executor.setCorePoolSize(properties.sync().maxConcurrentBusinesses());
		executor.setMaxPoolSize(Integer.MAX_VALUE);
		executor.setQueueCapacity(0);
		executor.setThreadNamePrefix("sync-");
		return executor;
	}

	// bounded: with the database gone, health must still answer within seconds
	@Bean
	HealthIndicator syncHealthIndicator(SyncProperties properties, BusinessDirectory businesses, SyncRunRepository runs,
			SyncRunLifecycle syncRuns, GraphApiClient graphApi, Clock clock) {
		return new BoundedHealthIndicator("sync",
				new SyncHealthIndicator(properties, businesses, runs, syncRuns, graphApi, clock),
				BoundedHealthIndicator.DEFAULT_TIMEOUT, Status.UNKNOWN);
	}

	@Bean
	LockProvider syncLockProvider(DataSource dataSource) {
		JdbcTemplateLockProvider provider = new JdbcTemplateLockProvider(
				JdbcTemplateLockProvider.Configuration.builder()
					.withJdbcTemplate(new JdbcTemplate(dataSource))
					.usingDbTime()
					.build());
		return provider;
	}

	// a key limited to some businesses reaches them and their runs only
	@Bean
	ScopedPath syncRunsScope(JdbcClient jdbc) {
		return ScopedPath.of("/api/v1/sync-runs/", jdbc,
				"select business_id from sync_runs where id = cast(:id as bigint)");
	}

	@Bean
	ScopedPath businessesScope() {
		return new ScopedPath("/api/v1/businesses/", Optional::of);
	}

	@Bean
	ApiParameters syncParameters() {
		return ApiParameters.of(ApiParameters.parameter("/api/v1/sync-runs", "id", "The run's id", "42"),
				ApiParameters.parameter("/api/v1/sync-runs", "status",
						"Only runs with this status (RUNNING, SUCCEEDED, FAILED)", "FAILED"),
				ApiParameters.parameter("/api/v1/businesses", "id", "The business's id at Meta", "506914307656634"),
				ApiParameters.parameter("/api/v1/businesses", "days",
						"Days of the pool's hourly trend to show, 1 to 30", "14"));
	}

}
