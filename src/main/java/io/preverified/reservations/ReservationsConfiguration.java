package io.preverified.reservations;

import io.preverified.web.ApiParameters;
import io.preverified.web.ScopedPath;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Binds the settings of reservations.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReservationsProperties.class)
class ReservationsConfiguration {

	// a key limited to some businesses reaches their reservations only
	@Bean
	ScopedPath reservationsScope(JdbcClient jdbc) {
		return ScopedPath.of("/api/v1/reservations/", jdbc,
				"select business_id from reservations where id = cast(:id as bigint)");
	}

	@Bean
	ApiParameters reservationsParameters() {
		return ApiParameters.of(ApiParameters.parameter("/api/v1/reservations", "id", "The reservation's id", "7"),
				ApiParameters.parameter("/api/v1/reservations", "state",
						"Only reservations in this state as each shows (HELD, CLAIMED, RELEASED, EXPIRED)", "HELD"));
	}

}
