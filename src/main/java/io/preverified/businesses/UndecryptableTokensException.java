package io.preverified.businesses;

import java.util.List;

/**
 * Thrown when stored tokens cannot be decrypted with the configured keys: start-up stops,
 * since those businesses could be neither synced nor told apart from removed ones.
 */
class UndecryptableTokensException extends IllegalStateException {

	UndecryptableTokensException(List<String> businessIds) {
		super(message(businessIds));
	}

	static String message(List<String> businessIds) {
		return "The stored tokens of businesses " + businessIds + " do not decrypt with preverified.secrets.key "
				+ "or preverified.secrets.previous-keys: set the key they were stored with (or add it to "
				+ "previous-keys)";
	}

}
