package tech.aiqem.chimera.orchestrator.auth;

import java.security.SecureRandom;
import java.util.Base64;

import tech.aiqem.chimera.model.ApiKeyFormat;

/**
 * API key material, in the format of {@link ApiKeyFormat} (shared with mcp-tools): {@code chm_} and 32
 * random bytes in base64url. The database keeps a lookup prefix and a SHA-256 hash of the whole key to
 * check it: a key is 256 random bits, so a fast hash is enough (a slow password hash
 * protects guessable secrets, which these are not) and checking costs nothing per request.
 */
final class ApiKeyTokens {

	static final String SCHEME = ApiKeyFormat.SCHEME;

	static final int PREFIX_LENGTH = ApiKeyFormat.PREFIX_LENGTH;

	private static final SecureRandom RANDOM = new SecureRandom();

	private ApiKeyTokens() {
	}

	static NewKey generate() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		String key = SCHEME + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		return new NewKey(key, prefixOf(key), hash(key));
	}

	/** Whether the text looks like one of our keys at all; anything else is refused before a lookup. */
	static boolean wellFormed(String key) {
		return ApiKeyFormat.wellFormed(key);
	}

	static String prefixOf(String key) {
		return ApiKeyFormat.prefixOf(key);
	}

	static String hash(String key) {
		return ApiKeyFormat.hash(key);
	}

	/** Compares in constant time, so response timing tells nothing about how much of a hash matched. */
	static boolean matches(String key, String storedHash) {
		return ApiKeyFormat.matches(key, storedHash);
	}

	/** A new key: shown once, then only its prefix and hash remain. */
	record NewKey(String key, String prefix, String hash) {

		@Override
		public String toString() {
			return "NewKey[prefix=" + this.prefix + "]";
		}
	}
}
