package tech.aiqem.chimera.safety;

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

	/**
	 * Hashed n-gram counts as a sparse unit vector over {@code buckets} dimensions, in bucket order. Each
	 * n-gram's bucket is {@link #bucket} of its key ("c" + characters, "w" + word, "b" + word + " " + word),
	 * with the key's hash folded from its characters instead of built as a string.
	 */
	static Sparse ngrams(String normalised, int buckets) {
		String padded = " " + normalised.replaceAll("\\s+", " ").strip() + " ";
		String[] words = normalised.split("[^\\p{L}\\p{N}]+");
		int[] ids = new int[Math.max(0, padded.length() - 2) + Math.max(0, padded.length() - 3) + Math.max(0, padded.length() - 4) + 2 * words.length];
		int count = 0;
		for (int n = 3; n <= 5; n++) {
			for (int i = 0; i + n <= padded.length(); i++) {
				ids[count++] = mix(fold('c', padded, i, i + n), buckets);
			}
		}
		String previous = null;
		for (String word : words) {
			if (word.isEmpty()) {
				continue;
			}
			ids[count++] = mix(fold('w', word, 0, word.length()), buckets);
			if (previous != null) {
				ids[count++] = mix(fold(31 * fold('b', previous, 0, previous.length()) + ' ', word, 0, word.length()), buckets);
			}
			previous = word;
		}
		java.util.Arrays.sort(ids, 0, count);
		int distinct = 0;
		for (int i = 0; i < count; i++) {
			distinct += i == 0 || ids[i] != ids[i - 1] ? 1 : 0;
		}
		int[] index = new int[distinct];
		float[] value = new float[distinct];
		double norm = 0;
		for (int i = 0, k = -1; i < count; i++) {
			if (i == 0 || ids[i] != ids[i - 1]) {
				index[++k] = ids[i];
			}
			value[k]++;
		}
		for (int k = 0; k < distinct; k++) {
			value[k] = (float) (1 + Math.log(value[k]));
			norm += value[k] * value[k];
		}
		norm = Math.sqrt(norm);
		for (int i = 0; i < value.length && norm > 0; i++) {
			value[i] = (float) (value[i] / norm);
		}
		return new Sparse(index, value);
	}

	/** {@code String.hashCode} (as the JLS specifies it) of {@code prefix} followed by {@code text[from, to)}. */
	private static int fold(int prefix, String text, int from, int to) {
		int h = prefix;
		for (int i = from; i < to; i++) {
			h = 31 * h + text.charAt(i);
		}
		return h;
	}

	/** A stable hash (String.hashCode is specified by the JLS), mixed so nearby strings spread out. */
	static int bucket(String gram, int buckets) {
		return mix(gram.hashCode(), buckets);
	}

	private static int mix(int hash, int buckets) {
		int h = hash;
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
