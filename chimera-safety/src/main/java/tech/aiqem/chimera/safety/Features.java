package tech.aiqem.chimera.safety;

import java.util.HashMap;
import java.util.Map;

/**
 * What the learned heads read: the sentence embedding of the normalised text ({@link #embeddingWindow}) and hashed character 3–5-grams and word 1–2-grams of the whole normalised
 * text (log counts, unit length). The same code computes the features for training and at run time.
 */
final class Features {

	private Features() {
	}

	/**
	 * The text the embedding reads: the whole normalised text when it is at most {@code chars} long, else
	 * its first and last {@code chars / 2} characters joined (one model call whatever the length, which
	 * keeps a scan under 20 ms; the n-grams and the rules read the rest).
	 */
	static String embeddingWindow(String normalised, int chars) {
		if (normalised.length() <= chars) {
			return normalised;
		}
		int half = chars / 2;
		return normalised.substring(0, half) + " … " + normalised.substring(normalised.length() - half);
	}

	static float[] embedding(String normalised, int chars, SentenceEmbeddings embeddings) {
		return embeddings.embed(embeddingWindow(normalised, chars));
	}

	static float[] unit(float[] v) {
		double norm = 0;
		for (float x : v) {
			norm += x * x;
		}
		norm = Math.sqrt(norm);
		if (norm > 0) {
			for (int i = 0; i < v.length; i++) {
				v[i] = (float) (v[i] / norm);
			}
		}
		return v;
	}

	/** Hashed n-gram counts as a sparse unit vector over {@code buckets} dimensions. */
	static Sparse ngrams(String normalised, int buckets) {
		Map<Integer, Float> counts = new HashMap<>();
		String padded = " " + normalised.replaceAll("\\s+", " ").strip() + " ";
		for (int n = 3; n <= 5; n++) {
			for (int i = 0; i + n <= padded.length(); i++) {
				counts.merge(bucket("c" + padded.substring(i, i + n), buckets), 1f, Float::sum);
			}
		}
		String[] words = normalised.split("[^\\p{L}\\p{N}]+");
		String previous = null;
		for (String word : words) {
			if (word.isEmpty()) {
				continue;
			}
			counts.merge(bucket("w" + word, buckets), 1f, Float::sum);
			if (previous != null) {
				counts.merge(bucket("b" + previous + " " + word, buckets), 1f, Float::sum);
			}
			previous = word;
		}
		int[] index = new int[counts.size()];
		float[] value = new float[counts.size()];
		double norm = 0;
		int k = 0;
		for (Map.Entry<Integer, Float> entry : counts.entrySet()) {
			index[k] = entry.getKey();
			value[k] = (float) (1 + Math.log(entry.getValue()));
			norm += value[k] * value[k];
			k++;
		}
		norm = Math.sqrt(norm);
		for (int i = 0; i < value.length && norm > 0; i++) {
			value[i] = (float) (value[i] / norm);
		}
		return new Sparse(index, value);
	}

	/** A stable hash (String.hashCode is specified by the JLS), mixed so nearby strings spread out. */
	static int bucket(String gram, int buckets) {
		int h = gram.hashCode();
		h ^= h >>> 16;
		h *= 0x85ebca6b;
		h ^= h >>> 13;
		h *= 0xc2b2ae35;
		h ^= h >>> 16;
		return Math.floorMod(h, buckets);
	}

	record Sparse(int[] index, float[] value) {
	}
}
