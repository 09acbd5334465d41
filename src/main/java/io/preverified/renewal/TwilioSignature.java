package io.preverified.renewal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Twilio's request signature ({@code X-Twilio-Signature}): Base64 of HMAC-SHA1, keyed
 * with the account's auth token, over the URL Twilio called followed by each POST field's
 * name and value, fields sorted by name (and a field's values in order).
 */
public final class TwilioSignature {

	private TwilioSignature() {
	}

	/**
	 * Signs a request as Twilio does.
	 * @param authToken the auth token
	 * @param url the full URL called, query included
	 * @param fields the POST fields
	 * @return the signature
	 */
	public static String of(String authToken, String url, Map<String, List<String>> fields) {
		StringBuilder data = new StringBuilder(url);
		fields.keySet().stream().sorted().forEach((name) -> {
			List<String> values = new ArrayList<>(fields.get(name));
			values.sort(null);
			values.forEach((value) -> data.append(name).append(value));
		});
		try {
			Mac mac = Mac.getInstance("HmacSHA1");
			mac.init(new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
			return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA1 is not available", ex);
		}
	}

	static boolean signed(String authToken, String url, Map<String, List<String>> fields, String signature) {
		return signature != null && MessageDigest.isEqual(signature.getBytes(StandardCharsets.UTF_8),
				of(authToken, url, fields).getBytes(StandardCharsets.UTF_8));
	}

}
