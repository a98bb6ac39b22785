package tech.aiqem.chimera.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The contract of a tenant API key, shared by the orchestrator (which issues them) and mcp-tools (which
 * accepts them from external MCP clients): {@code chm_} and 32 random bytes in base64url (43 characters).
 * The database keeps the first {@value #PREFIX_LENGTH} characters after {@code chm_} to find the row and a
 * SHA-256 hash of the whole key to check it.
 */
public final class ApiKeyFormat {

	public static final String SCHEME = "chm_";

	public static final int PREFIX_LENGTH = 12;

	private static final Pattern SHAPE = Pattern.compile("chm_[A-Za-z0-9_-]{43}");

	private ApiKeyFormat() {
	}

	/** Whether the text looks like one of our keys at all; anything else is refused before a lookup. */
	public static boolean wellFormed(String key) {
		return key != null && SHAPE.matcher(key).matches();
	}

	public static String prefixOf(String key) {
		return key.substring(SCHEME.length(), SCHEME.length() + PREFIX_LENGTH);
	}

	public static String hash(String key) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is missing from this JVM", ex);
		}
	}

	/** Compares in constant time, so response timing tells nothing about how much of a hash matched. */
	public static boolean matches(String key, String storedHash) {
		return MessageDigest.isEqual(hash(key).getBytes(StandardCharsets.US_ASCII), storedHash.getBytes(StandardCharsets.US_ASCII));
	}
}
