package tech.aiqem.chimera.tools.image;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** Deterministic numbers from text, the same on every machine and JVM. */
final class Hash {

	private final byte[] digest;

	Hash(String input) {
		try {
			this.digest = MessageDigest.getInstance("SHA-256").digest(input.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A number in [0, bound) from byte {@code index} (0..31) of the digest. */
	int pick(int index, int bound) {
		return (this.digest[index] & 0xFF) % bound;
	}

	/** A number in [0, 1) from bytes {@code index} and {@code index + 1}. */
	double unit(int index) {
		return (((this.digest[index] & 0xFF) << 8) | (this.digest[index + 1] & 0xFF)) / 65536.0;
	}

	long seed() {
		long seed = 0;
		for (int i = 0; i < 8; i++) {
			seed = (seed << 8) | (this.digest[i] & 0xFF);
		}
		return seed;
	}
}
