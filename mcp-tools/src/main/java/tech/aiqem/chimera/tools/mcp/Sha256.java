package tech.aiqem.chimera.tools.mcp;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 of a text's UTF-8 bytes, as bytes or lower-case hex: content keys, seeds, token comparison, duplicate-text checks, audit hashes. */
public final class Sha256 {

	private Sha256() {
	}

	public static String hex(String text) {
		return HexFormat.of().formatHex(digest(text));
	}

	/** The 32 bytes of the digest. */
	public static byte[] digest(String text) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every Java platform has SHA-256", ex);
		}
	}
}
