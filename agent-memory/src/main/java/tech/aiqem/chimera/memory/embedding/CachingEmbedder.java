package tech.aiqem.chimera.memory.embedding;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Remembers the vectors of recent texts, so a text asked for again (a campaign's topic, which every task
 * of the campaign searches memory with) is not run through the model again; the texts it has not seen
 * go to the model in one batch. Bounded; each caller gets its own copy of a vector. Thread-safe.
 */
public final class CachingEmbedder implements Embedder {

	private final Embedder model;

	private final Cache<String, float[]> vectors;

	/** @param size at most this many vectors are kept (1.5 KB each for 384 dimensions) */
	public CachingEmbedder(Embedder model, int size) {
		this.model = model;
		this.vectors = Caffeine.newBuilder().maximumSize(size).build();
	}

	@Override
	public int dimensions() {
		return this.model.dimensions();
	}

	@Override
	public List<float[]> embedAll(List<String> texts) {
		Map<String, float[]> found = this.vectors.getAll(texts, this::compute);
		return texts.stream().map(text -> found.get(text).clone()).toList();
	}

	private Map<String, float[]> compute(Set<? extends String> missing) {
		List<String> batch = List.copyOf(missing);
		List<float[]> computed = this.model.embedAll(batch);
		Map<String, float[]> vectors = new HashMap<>();
		for (int i = 0; i < batch.size(); i++) {
			vectors.put(batch.get(i), computed.get(i));
		}
		return vectors;
	}

	/** How many vectors are kept now (after pending evictions). */
	long size() {
		this.vectors.cleanUp();
		return this.vectors.estimatedSize();
	}
}
