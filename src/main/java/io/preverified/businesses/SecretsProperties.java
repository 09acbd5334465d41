package io.preverified.businesses;

import java.util.List;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The keys that encrypt tokens stored in the database, bound from
 * {@code preverified.secrets}.
 *
 * @param key base64 of 32 random bytes: encrypts every token stored from now on
 * @param previousKeys keys that still decrypt; what they encrypted is encrypted again
 * with {@code key} at start-up
 */
@Validated
@ConfigurationProperties("preverified.secrets")
record SecretsProperties(String key, @NotNull @DefaultValue List<String> previousKeys) {

	@Override
	public String toString() {
		return "SecretsProperties[key=%s, previousKeys=%d]".formatted((this.key != null) ? "******" : null,
				this.previousKeys.size());
	}

}
