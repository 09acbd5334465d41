package io.preverified.businesses;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts tokens for the database with AES-256-GCM: a fresh 96-bit nonce per value, the
 * business id as associated data (a value copied to another business does not decrypt),
 * and the id of the key (the first bytes of its SHA-256) kept beside the value, so that
 * values of a previous key are still read, and encrypted again with the current one.
 */
final class TokenCipher {

	private static final int NONCE_BYTES = 12;

	private static final int TAG_BITS = 128;

	private static final SecureRandom random = new SecureRandom();

	private final Key current;

	private final Map<String, Key> keys = new LinkedHashMap<>();

	TokenCipher(SecretsProperties properties) {
		this.current = (properties.key() != null && !properties.key().isBlank())
				? Key.of(properties.key(), "preverified.secrets.key") : null;
		if (this.current != null) {
			this.keys.put(this.current.id(), this.current);
		}
		List<String> previous = properties.previousKeys();
		for (int i = 0; i < previous.size(); i++) {
			Key key = Key.of(previous.get(i), "preverified.secrets.previous-keys[" + i + "]");
			this.keys.putIfAbsent(key.id(), key);
		}
	}

	boolean canEncrypt() {
		return this.current != null;
	}

	String currentKeyId() {
		return this.current.id();
	}

	boolean isCurrent(String keyId) {
		return this.current != null && this.current.id().equals(keyId);
	}

	/**
	 * Encrypts a token with the current key.
	 * @param businessId the business it belongs to
	 * @param token the token
	 * @return the value to store, beside {@link #currentKeyId()}
	 */
	String encrypt(String businessId, String token) {
		byte[] nonce = new byte[NONCE_BYTES];
		random.nextBytes(nonce);
		byte[] encrypted = crypt(Cipher.ENCRYPT_MODE, this.current.secret(), nonce, businessId,
				token.getBytes(StandardCharsets.UTF_8));
		return Base64.getEncoder()
			.encodeToString(ByteBuffer.allocate(nonce.length + encrypted.length).put(nonce).put(encrypted).array());
	}

	/**
	 * Decrypts a stored token.
	 * @param businessId the business it belongs to
	 * @param keyId the id of the key that encrypted it
	 * @param value the stored value
	 * @return the token, or empty when no configured key decrypts it
	 */
	Optional<String> decrypt(String businessId, String keyId, String value) {
		Key key = this.keys.get(keyId);
		if (key == null) {
			return Optional.empty();
		}
		try {
			byte[] stored = Base64.getDecoder().decode(value);
			byte[] nonce = Arrays.copyOfRange(stored, 0, NONCE_BYTES);
			byte[] plain = crypt(Cipher.DECRYPT_MODE, key.secret(), nonce, businessId,
					Arrays.copyOfRange(stored, NONCE_BYTES, stored.length));
			return Optional.of(new String(plain, StandardCharsets.UTF_8));
		}
		catch (IllegalArgumentException | IllegalStateException ex) {
			return Optional.empty();
		}
	}

	// AES-GCM over the input, the business id as associated data
	private static byte[] crypt(int mode, SecretKey key, byte[] nonce, String businessId, byte[] input) {
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
			cipher.updateAAD(businessId.getBytes(StandardCharsets.UTF_8));
			return cipher.doFinal(input);
		}
		catch (GeneralSecurityException ex) {
			// a value that does not authenticate: another key, or tampered with
			throw new IllegalStateException("The value does not decrypt with this key", ex);
		}
	}

	private record Key(String id, SecretKey secret) {

		static Key of(String base64, String setting) {
			byte[] bytes;
			try {
				bytes = Base64.getDecoder().decode(base64.strip());
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalArgumentException(setting + " is not base64: it must be base64 of 32 random bytes "
						+ "(openssl rand -base64 32)");
			}
			if (bytes.length != 32) {
				throw new IllegalArgumentException(setting + " holds " + bytes.length
						+ " bytes: it must be base64 of 32 random bytes (openssl rand -base64 32)");
			}
			try {
				String id = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 8);
				return new Key(id, new SecretKeySpec(bytes, "AES"));
			}
			catch (GeneralSecurityException ex) {
				throw new IllegalStateException("SHA-256 is not available", ex);
			}
		}

		@Override
		public String toString() {
			return "Key[id=" + this.id + "]";
		}

	}

}
