package tech.aiqem.chimera.tools.platform.sandbox;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** Stable pseudo-random numbers from text: the same input gives the same number on every machine. */
final class Seeds {

	private Seeds() {
	}

	static long of(String input) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(input.getBytes(StandardCharsets.UTF_8));
			return ByteBuffer.wrap(digest).getLong();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A number in [0, 1) from 16 bits of the seed; {@code lane} picks which 16 bits (0..3). */
	static double unit(long seed, int lane) {
		return ((seed >>> (16 * lane)) & 0xFFFF) / 65536.0;
	}
}
