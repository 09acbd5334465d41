package io.preverified.businesses;

import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * AES-256-GCM as the tokens are stored: a fresh nonce per value, bound to its business,
 * read with a previous key, refused with another, and keys that are not 32 bytes of
 * base64 refused naming their setting, never showing them.
 */
class TokenCipherTests {

	private static final String KEY = key(1);

	private static final String OLD_KEY = key(2);

	@Test
	void theSameTokenEncryptsDifferentlyEachTimeAndDecryptsOnlyForItsBusiness() {
		TokenCipher cipher = new TokenCipher(new SecretsProperties(KEY, List.of()));

		String first = cipher.encrypt("1001", "EAAG-token-of-1001");
		String second = cipher.encrypt("1001", "EAAG-token-of-1001");

		assertThat(first).isNotEqualTo(second).doesNotContain("EAAG");
		assertThat(new String(Base64.getDecoder().decode(first))).doesNotContain("EAAG-token");
		assertThat(cipher.decrypt("1001", cipher.currentKeyId(), first)).contains("EAAG-token-of-1001");
		assertThat(cipher.decrypt("1002", cipher.currentKeyId(), first)).isEmpty();
	}

	@Test
	void aPreviousKeyStillDecryptsAndAnotherKeyDoesNot() {
		TokenCipher old = new TokenCipher(new SecretsProperties(OLD_KEY, List.of()));
		String stored = old.encrypt("1001", "EAAG-old");
		TokenCipher rotated = new TokenCipher(new SecretsProperties(KEY, List.of(OLD_KEY)));
		TokenCipher other = new TokenCipher(new SecretsProperties(key(3), List.of()));

		assertThat(rotated.isCurrent(old.currentKeyId())).isFalse();
		assertThat(rotated.decrypt("1001", old.currentKeyId(), stored)).contains("EAAG-old");
		assertThat(other.decrypt("1001", old.currentKeyId(), stored)).isEmpty();
		assertThat(rotated.decrypt("1001", old.currentKeyId(), stored.substring(0, stored.length() - 4) + "AAAA"))
			.isEmpty();
	}

	@Test
	void keysThatAreNot32BytesOfBase64AreRefusedNamingTheirSetting() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new TokenCipher(new SecretsProperties("not base64 !", List.of())))
			.withMessageContaining("preverified.secrets.key")
			.withMessageNotContaining("not base64 !");
		String shortKey = Base64.getEncoder().encodeToString(new byte[16]);
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new TokenCipher(new SecretsProperties(KEY, List.of(shortKey))))
			.withMessageContaining("preverified.secrets.previous-keys[0]")
			.withMessageContaining("16 bytes")
			.withMessageNotContaining(shortKey);
	}

	private static String key(int seed) {
		byte[] key = new byte[32];
		for (int i = 0; i < key.length; i++) {
			key[i] = (byte) (seed * 31 + i);
		}
		return Base64.getEncoder().encodeToString(key);
	}

}
