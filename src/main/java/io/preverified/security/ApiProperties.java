package io.preverified.security;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Access to the API, bound from {@code preverified.api}.
 *
 * @param anonymousWrites whether, with no keys configured, anonymous callers may write
 * (never from a cross-site page)
 * @param maxBody the largest request body read; larger ones are refused unread
 * @param keys the keys that may call {@code /api/**}; with none, GETs are open and writes
 * are refused unless {@code anonymousWrites}
 */
@Validated
@ConfigurationProperties("preverified.api")
record ApiProperties(@DefaultValue("false") boolean anonymousWrites, @NotNull @DefaultValue("64KB") DataSize maxBody,
		@Valid @NotNull @DefaultValue List<Key> keys) {

	/** Keys shorter than this are guessable. */
	static final int MIN_KEY_LENGTH = 32;

	ApiProperties {
		if (maxBody.toBytes() < 1024) {
			throw new IllegalArgumentException("preverified.api.max-body must be at least 1KB, was " + maxBody);
		}
		Set<String> names = new HashSet<>();
		Set<String> values = new HashSet<>();
		for (int i = 0; i < keys.size(); i++) {
			Key key = keys.get(i);
			String entry = "preverified.api.keys[" + i + "]";
			if (key.name() != null && !names.add(key.name())) {
				throw new IllegalArgumentException(entry + ".name '" + key.name() + "' is used more than once");
			}
			if (key.key() == null) {
				continue;
			}
			// never the key itself in a message: start-up failures are logged
			if (key.key().length() < MIN_KEY_LENGTH) {
				throw new IllegalArgumentException(entry + ".key ('" + key.name() + "') is shorter than "
						+ MIN_KEY_LENGTH + " characters: set a long random key");
			}
			if (ExampleFiles.mention(key.key())) {
				throw new IllegalArgumentException(entry + ".key ('" + key.name()
						+ "') is an example value from the project's deployment files: set a key of your own");
			}
			if (!values.add(key.key())) {
				throw new IllegalArgumentException(entry + ".key ('" + key.name() + "') is the same as another key");
			}
		}
	}

	/**
	 * One API key.
	 *
	 * @param name who holds it, for logs and audits
	 * @param key the key, sent as {@code Authorization: Bearer <key>}; never logged
	 * @param role what it may do
	 * @param businesses the businesses it sees and acts on; none for every business
	 */
	record Key(@NotBlank String name, @NotBlank String key, @NotNull @DefaultValue("READ") Role role,
			@NotNull @DefaultValue List<String> businesses) {

		@Override
		public String toString() {
			return "Key[name=%s, role=%s, businesses=%s]".formatted(this.name, this.role, this.businesses);
		}

	}

	/**
	 * What a key may do.
	 */
	enum Role {

		/** Call the GET endpoints. */
		READ,

		/** Call every endpoint, writes included. */
		ADMIN

	}

}
