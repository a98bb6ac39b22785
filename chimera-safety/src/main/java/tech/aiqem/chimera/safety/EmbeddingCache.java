package tech.aiqem.chimera.safety;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Sentence embeddings of the texts the training programs read, kept under {@code target/embedding-cache/}
 * keyed by a 64-bit hash of each embedded window, so re-training (or a changed normaliser touching a few
 * texts) embeds only what it has not seen instead of tens of thousands of texts again.
 */
final class EmbeddingCache {

	private EmbeddingCache() {
	}

	static List<float[]> embeddings(String name, List<String> normalised, int chars) {
		Path file = Path.of(System.getProperty("chimera.embedding-cache", "target/embedding-cache")).resolve(name + "-minilm-q.f32");
		Map<Long, float[]> cache = read(file);
		SentenceEmbeddings model = null;
		List<float[]> out = new ArrayList<>(normalised.size());
		int computed = 0;
		long started = System.nanoTime();
		for (String text : normalised) {
			String window = Features.embeddingWindow(text, chars);
			long key = key(window);
			float[] vector = cache.get(key);
			if (vector == null) {
				model = model == null ? SentenceEmbeddings.shared() : model;
				vector = model.embed(window);
				cache.put(key, vector);
				computed++;
				if (computed % 1000 == 0) {
					System.out.printf("  embedded %d new texts (%.1f ms/text)%n", computed, (System.nanoTime() - started) / 1e6 / computed);
					write(file, cache);
				}
			}
			out.add(vector);
		}
		if (computed > 0) {
			write(file, cache);
		}
		return out;
	}

	static long key(String window) {
		long fnv = 0xcbf29ce484222325L;
		for (int i = 0; i < window.length(); i++) {
			fnv = (fnv ^ window.charAt(i)) * 0x100000001b3L;
		}
		return fnv ^ ((long) window.hashCode() << 32) ^ window.length();
	}

	private static Map<Long, float[]> read(Path file) {
		Map<Long, float[]> cache = new HashMap<>();
		if (!Files.exists(file)) {
			return cache;
		}
		try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
			while (true) {
				long key;
				try {
					key = in.readLong();
				}
				catch (EOFException end) {
					return cache;
				}
				float[] v = new float[SentenceEmbeddings.DIMENSIONS];
				for (int j = 0; j < v.length; j++) {
					v[j] = in.readFloat();
				}
				cache.put(key, v);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void write(Path file, Map<Long, float[]> cache) {
		try {
			Files.createDirectories(file.toAbsolutePath().getParent());
			Path partial = file.resolveSibling(file.getFileName() + ".partial");
			try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(partial)))) {
				for (Map.Entry<Long, float[]> entry : cache.entrySet()) {
					out.writeLong(entry.getKey());
					for (float x : entry.getValue()) {
						out.writeFloat(x);
					}
				}
			}
			Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
