package io.preverified.graphapi;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks that Meta signed a webhook delivery: {@code X-Hub-Signature-256} is
 * {@code sha256=} and the hex HMAC-SHA256 of the raw body, keyed with the app secret
 * ({@code preverified.graph-api.app-secret}), compared in constant time.
 */
public final class MetaSignature {

	private final String appSecret;

	MetaSignature(String appSecret) {
		this.appSecret = appSecret;
	}

	/**
	 * Whether the app secret is set, without which no delivery can be checked.
	 * @return whether deliveries can be checked
	 */
	public boolean canCheck() {
		return this.appSecret != null && !this.appSecret.isBlank();
	}

	/**
	 * Whether a delivery carries Meta's signature of its body.
	 * @param body the raw body
	 * @param header the {@code X-Hub-Signature-256} header, or {@code null}
	 * @return whether the signature is the app secret's
	 */
	public boolean signed(byte[] body, String header) {
		if (!canCheck() || header == null || !header.startsWith("sha256=")) {
			return false;
		}
		byte[] expected = of(this.appSecret, body).getBytes(StandardCharsets.US_ASCII);
		return MessageDigest.isEqual(expected, header.strip().getBytes(StandardCharsets.US_ASCII));
	}

	/**
	 * The signature Meta sends for a body.
	 * @param appSecret the app secret
	 * @param body the raw body
	 * @return {@code sha256=<hex>}
	 */
	public static String of(String appSecret, byte[] body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(appSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

}
