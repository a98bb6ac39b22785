package tech.aiqem.chimera.memory;

import tech.aiqem.chimera.memory.embedding.MiniLmEmbedder;

/** The real model, loaded once per test JVM (about a second and 90 MB each time). */
public final class SharedEmbedder {

	private static MiniLmEmbedder instance;

	private SharedEmbedder() {
	}

	public static synchronized MiniLmEmbedder get() {
		if (instance == null) {
			instance = new MiniLmEmbedder();
		}
		return instance;
	}
}
