package tech.aiqem.chimera.memory.embedding;

import java.util.List;

/** Turns text into unit-length vectors; one model for writes and queries of a store. */
public interface Embedder {

	int dimensions();

	/** Unit-length vectors, one per text, in order. Implementations batch; prefer this over single calls. */
	List<float[]> embedAll(List<String> texts);

	default float[] embed(String text) {
		return embedAll(List.of(text)).get(0);
	}

	/** Scales a vector to unit length in place, so dot product equals cosine similarity. */
	static float[] normalize(float[] vector) {
		double sum = 0;
		for (float v : vector) {
			sum += v * v;
		}
		if (sum == 0) {
			throw new IllegalArgumentException("cannot normalize a zero vector");
		}
		float inverse = (float) (1 / Math.sqrt(sum));
		for (int i = 0; i < vector.length; i++) {
			vector[i] *= inverse;
		}
		return vector;
	}
}
