package tech.aiqem.chimera.tools.image;

import tech.aiqem.chimera.tools.mcp.Sha256;


/** Deterministic numbers from text, the same on every machine and JVM. */
final class Hash {

	private final byte[] digest;

	Hash(String input) {
		this.digest = Sha256.digest(input);
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
