package io.preverified.alerts;

import io.preverified.web.ApiParameters;
import io.preverified.web.CachedList;
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

	@Bean
	CachedList alertsList() {
		return new CachedList("/api/v1/alerts");
	}

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

	@Bean
	ApiParameters alertsParameters() {
		return ApiParameters.of(ApiParameters.parameter("/api/v1/alerts", "id", "The alert's id", "17"),
				ApiParameters.parameter("/api/v1/alerts", "severity",
						"Only alerts of this severity (REVERIFY_WINDOW, WARNING, CRITICAL, EXPIRED, UNVERIFIED_DROP)",
						"CRITICAL"),
				ApiParameters.parameter("/api/v1/alerts", "state",
						"Only alerts in this state (FIRING, ACKNOWLEDGED, RESOLVED)", "FIRING"),
				ApiParameters
					.parameter("/api/v1/alerts", "kind", "Only alerts of this kind (NUMBER, TOKEN, POOL)", "POOL"),
				ApiParameters.parameter("/api/v1/webhook-deliveries", "id", "The delivery's id", "12"),
				ApiParameters.parameter("/api/v1/webhook-deliveries", "state",
						"Only deliveries in this state (PENDING, DELIVERED, SPLIT, DEAD)", "DEAD"),
				ApiParameters.parameter("/api/v1/expiries", "weeks", "Weeks ahead to count, 1 to 52", "12"));
	}

}
