package io.preverified.security;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * API keys, bound from {@code preverified.api}.
 *
 * @param keys the keys that may call {@code /api/**}; none leaves the API open
 */
@Validated
@ConfigurationProperties("preverified.api")
record ApiProperties(@Valid @NotNull @DefaultValue List<Key> keys) {

	ApiProperties {
		Set<String> names = new HashSet<>();
		Set<String> values = new HashSet<>();
		for (Key key : keys) {
			if (key.name() != null && !names.add(key.name())) {
				throw new IllegalArgumentException("preverified.api.keys names '" + key.name() + "' more than once");
			}
			if (key.key() != null && !values.add(key.key())) {
				throw new IllegalArgumentException(
						"preverified.api.keys holds the same key twice (key '" + key.name() + "')");
			}
		}
	}

	/**
	 * One API key.
	 *
	 * @param name who holds it, for logs and audits
	 * @param key the key, sent as {@code Authorization: Bearer <key>}; never logged
	 * @param role what it may do
	 */
	record Key(@NotBlank String name, @NotBlank @Size(min = 16, message = "must be at least 16 characters") String key,
			@NotNull @DefaultValue("READ") Role role) {

		@Override
		public String toString() {
			return "Key[name=%s, role=%s]".formatted(this.name, this.role);
		}

	}

	/**
	 * What a key may do.
	 */
	enum Role {

		/** Call the GET endpoints. */
		READ,

		/** Call every endpoint, POST ones included. */
		ADMIN

	}

}
