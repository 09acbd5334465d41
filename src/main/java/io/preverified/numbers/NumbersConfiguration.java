package io.preverified.numbers;

import io.preverified.web.ScopedPath;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the numbers module declares to the others.
 */
@Configuration(proxyBeanMethods = false)
class NumbersConfiguration {

	// a key limited to some businesses reaches their numbers (and acts on them) only
	@Bean
	ScopedPath numbersScope(JdbcClient jdbc) {
		return ScopedPath.of("/api/v1/numbers/", jdbc, "select business_id from numbers where id = :id");
	}

}
