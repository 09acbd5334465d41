package io.preverified.numbers;

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

	// a key limited to some businesses reaches their numbers (and acts on them) only
	@Bean
	ScopedPath numbersScope(JdbcClient jdbc) {
		return ScopedPath.of("/api/v1/numbers/", jdbc, "select business_id from numbers where id = :id");
	}

}
