package tech.aiqem.chimera.tools.platform.sandbox;

import java.nio.ByteBuffer;

import tech.aiqem.chimera.tools.mcp.Sha256;

/** Stable pseudo-random numbers from text: the same input gives the same number on every machine. */
final class Seeds {

	private Seeds() {
	}

	static long of(String input) {
		return ByteBuffer.wrap(Sha256.digest(input)).getLong();
	}

	/** A number in [0, 1) from 16 bits of the seed; {@code lane} picks which 16 bits (0..3). */
	static double unit(long seed, int lane) {
		return ((seed >>> (16 * lane)) & 0xFFFF) / 65536.0;
	}
}
