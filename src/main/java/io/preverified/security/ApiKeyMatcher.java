package io.preverified.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Optional;

/**
 * Finds the key a request presents. Keys are compared as SHA-256 digests with
 * {@link MessageDigest#isEqual}, in constant time, and every configured key is compared,
 * so timing tells nothing about which key nearly matched.
 */
final class ApiKeyMatcher {

	private final List<StoredKey> keys;

	ApiKeyMatcher(List<ApiProperties.Key> keys) {
		this.keys = keys.stream().map((key) -> new StoredKey(key, digest(key.key()))).toList();
	}

	boolean isEmpty() {
		return this.keys.isEmpty();
	}

	Optional<ApiProperties.Key> find(String presented) {
		byte[] digest = digest(presented);
		ApiProperties.Key found = null;
		for (StoredKey key : this.keys) {
			if (MessageDigest.isEqual(key.digest(), digest)) {
				found = key.key();
			}
		}
		return Optional.ofNullable(found);
	}

	private static byte[] digest(String value) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

	private record StoredKey(ApiProperties.Key key, byte[] digest) {

	}

}
