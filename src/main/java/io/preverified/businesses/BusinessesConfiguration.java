package io.preverified.businesses;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Binds {@link BusinessesProperties} and {@link SecretsProperties}; the keys become a
 * {@link TokenCipher}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ BusinessesProperties.class, SecretsProperties.class })
class BusinessesConfiguration {

	@Bean
	TokenCipher tokenCipher(SecretsProperties properties) {
		return new TokenCipher(properties);
	}

}
