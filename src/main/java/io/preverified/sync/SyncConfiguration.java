package io.preverified.sync;

import java.util.concurrent.Executors;

import javax.sql.DataSource;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.support.KeepAliveLockProvider;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The sync pool and the database locks that keep one run per business across replicas.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SyncProperties.class)
class SyncConfiguration {

	@Bean
	ThreadPoolTaskExecutor syncExecutor(SyncProperties properties) {
		ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
		executor.setCorePoolSize(properties.sync().maxConcurrentBusinesses());
		executor.setMaxPoolSize(properties.sync().maxConcurrentBusinesses());
		executor.setThreadNamePrefix("sync-");
		return executor;
	}

	@Bean
	LockProvider syncLockProvider(DataSource dataSource) {
		JdbcTemplateLockProvider provider = new JdbcTemplateLockProvider(
				JdbcTemplateLockProvider.Configuration.builder()
					.withJdbcTemplate(new JdbcTemplate(dataSource))
					.usingDbTime()
					.build());
		return new KeepAliveLockProvider(provider, Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "sync-lock-keep-alive");
			thread.setDaemon(true);
			return thread;
		}));
	}

}
