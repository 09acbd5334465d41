package io.preverified.alerts;

import io.preverified.web.ScopedPath;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Binds {@link AlertsProperties}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AlertsProperties.class)
class AlertsConfiguration {

	// a key limited to some businesses reaches their alerts and deliveries only
	@Bean
	ScopedPath alertsScope(JdbcClient jdbc) {
		return new ScopedPath("/api/v1/alerts/",
				(id) -> jdbc.sql("select business_id from alerts where id = :id")
					.param("id", Long.parseLong(id))
					.query(String.class)
					.optional());
	}

	@Bean
	ScopedPath webhookDeliveriesScope(JdbcClient jdbc) {
		return new ScopedPath("/api/v1/webhook-deliveries/",
				(id) -> jdbc.sql("select business_id from webhook_deliveries where id = :id")
					.param("id", Long.parseLong(id))
					.query(String.class)
					.optional());
	}

}
