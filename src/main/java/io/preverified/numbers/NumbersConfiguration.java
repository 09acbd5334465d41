package io.preverified.numbers;

import io.preverified.web.ApiParameters;
import io.preverified.web.CachedList;
import io.preverified.web.ScopedPath;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Binds {@link PoolProperties}, and declares what the numbers module tells the others.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PoolProperties.class)
class NumbersConfiguration {

	@Bean
	CachedList numbersList() {
		return new CachedList("/api/v1/numbers");
	}

	// a key limited to some businesses reaches their numbers (and acts on them) only
	@Bean
	ScopedPath numbersScope(JdbcClient jdbc) {
		return ScopedPath.of("/api/v1/numbers/", jdbc, "select business_id from numbers where id = :id");
	}

	@Bean
	ApiParameters numbersParameters() {
		return ApiParameters.of(
				ApiParameters.parameter("/api/v1/numbers", "id", "The number's id at Meta", "1656634000012859"),
				ApiParameters.parameter("/api/v1/numbers", "status",
						"Only numbers with this code_verification_status (VERIFIED, NOT_VERIFIED, EXPIRED)",
						"VERIFIED"),
				ApiParameters.parameter("/api/v1/numbers", "phone_number",
						"Only the number with this phone number, in any format (normalised to E.164)",
						"+1 650-555-0123"),
				ApiParameters.parameter("/api/v1/numbers", "expiring_within",
						"Only numbers whose verification expires after now and at most this far ahead "
								+ "(ISO-8601 duration, up to P36500D)",
						"P14D"),
				ApiParameters.parameter("/api/v1/numbers", "include_removed",
						"Also numbers that left the pool (claimed, dropped or deleted)", "false"),
				ApiParameters.parameter("/api/v1/claims", "source",
						"Only claims told by this source (SIGNUP, WEBHOOK, SYNC)", "SIGNUP"));
	}

}
