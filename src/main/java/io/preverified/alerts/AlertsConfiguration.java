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
		return ScopedPath.of("/api/v1/alerts/", jdbc, "select business_id from alerts where id = cast(:id as bigint)");
	}

	@Bean
	ScopedPath webhookDeliveriesScope(JdbcClient jdbc) {
		return ScopedPath.of("/api/v1/webhook-deliveries/", jdbc,
				"select business_id from webhook_deliveries where id = cast(:id as bigint)");
	}

}
