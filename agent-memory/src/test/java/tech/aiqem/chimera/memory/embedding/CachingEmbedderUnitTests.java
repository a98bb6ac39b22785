package tech.aiqem.chimera.memory.embedding;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CachingEmbedderUnitTests {

	/** A model that records what it was asked: each text's vector is its length and first character. */
	static final class Counting implements Embedder {

		final List<List<String>> batches = new ArrayList<>();

		@Override
		public int dimensions() {
			return 2;
		}

		@Override
		public List<float[]> embedAll(List<String> texts) {
			this.batches.add(List.copyOf(texts));
			return texts.stream().map(t -> new float[] { t.length(), t.charAt(0) }).toList();
		}
	}

	@Test
	void aTextSeenBeforeIsNotEmbeddedAgainAndTheRestGoInOneBatch() {
		Counting model = new Counting();
		CachingEmbedder embedder = new CachingEmbedder(model, 100);
		embedder.embed("Ethiopian designers");
		List<float[]> vectors = embedder.embedAll(List.of("summer collection", "Ethiopian designers", "kemis", "summer collection"));
		assertThat(model.batches).containsExactly(List.of("Ethiopian designers"), List.of("summer collection", "kemis"));
		assertThat(vectors).extracting(v -> v[0]).containsExactly(17f, 19f, 5f, 17f);
		assertThat(vectors).extracting(v -> v[1]).containsExactly((float) 's', (float) 'E', (float) 'k', (float) 's');
	}

	@Test
	void callersGetTheirOwnCopyAndTheCacheIsBounded() {
		Counting model = new Counting();
		CachingEmbedder embedder = new CachingEmbedder(model, 2);
		embedder.embed("a topic")[0] = -1;
		assertThat(embedder.embed("a topic")[0]).as("a caller's change does not reach the cache").isEqualTo(7f);
		for (int i = 0; i < 50; i++) {
			embedder.embed("topic " + i);
		}
		assertThat(embedder.size()).as("kept").isLessThanOrEqualTo(2);
		assertThat(model.batches).as("every new text went to the model").hasSize(51);
	}
}
