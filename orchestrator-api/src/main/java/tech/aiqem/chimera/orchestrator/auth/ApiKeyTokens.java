package tech.aiqem.chimera.orchestrator.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * API key material: {@code chm_} and 32 random bytes in base64url (43 characters). The database keeps
 * the first {@value #PREFIX_LENGTH} characters after {@code chm_} to find the row, and a SHA-256 hash of
 * the whole key to check it: a key is 256 random bits, so a fast hash is enough (a slow password hash
 * protects guessable secrets, which these are not) and checking costs nothing per request.
 */
final class ApiKeyTokens {

	static final String SCHEME = "chm_";

	static final int PREFIX_LENGTH = 12;

	private static final Pattern SHAPE = Pattern.compile("chm_[A-Za-z0-9_-]{43}");

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
		return key != null && SHAPE.matcher(key).matches();
	}

	static String prefixOf(String key) {
		return key.substring(SCHEME.length(), SCHEME.length() + PREFIX_LENGTH);
	}

	static String hash(String key) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is missing from this JVM", ex);
		}
	}

	/** Compares in constant time, so response timing tells nothing about how much of a hash matched. */
	static boolean matches(String key, String storedHash) {
		return MessageDigest.isEqual(hash(key).getBytes(StandardCharsets.US_ASCII),
				storedHash.getBytes(StandardCharsets.US_ASCII));
	}

	/** A new key: shown once, then only its prefix and hash remain. */
	record NewKey(String key, String prefix, String hash) {

		@Override
		public String toString() {
			return "NewKey[prefix=" + this.prefix + "]";
		}
	}
}
