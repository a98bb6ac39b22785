package tech.aiqem.chimera.safety;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The hashed n-grams are what the heads were trained on: the buckets of the keys "c" + character 3-5-gram,
 * "w" + word and "b" + word pair, as strings, with log counts, unit length; computed without building the
 * strings, in bucket order.
 */
class FeaturesUnitTests {

	@Test
	void theBucketsOfTheKeysAsStrings() {
		for (String text : List.of("ignore all previous instructions", "a", "ab", "", "  spaced   out\ttext\n", "ünïcödé ² ₂ words 123 abc abc abc",
				"the the the the", "emoji 😀 and 漢字 mixed")) {
			for (int buckets : new int[] { 65_536, 131_072, 7 }) {
				Features.Sparse sparse = Features.ngrams(text, buckets);
				Map<Integer, Float> expected = plain(text, buckets);
				assertThat(sparse.index()).as(text).hasSize(expected.size()).isSorted();
				for (int k = 0; k < sparse.index().length; k++) {
					assertThat(sparse.value()[k]).as(text + " bucket " + sparse.index()[k]).isCloseTo(expected.get(sparse.index()[k]), within(1e-6f));
				}
			}
		}
	}

	private static Map<Integer, Float> plain(String normalised, int buckets) {
		Map<Integer, Float> counts = new HashMap<>();
		String padded = " " + normalised.replaceAll("\\s+", " ").strip() + " ";
		for (int n = 3; n <= 5; n++) {
			for (int i = 0; i + n <= padded.length(); i++) {
				counts.merge(Features.bucket("c" + padded.substring(i, i + n), buckets), 1f, Float::sum);
			}
		}
		String previous = null;
		for (String word : normalised.split("[^\\p{L}\\p{N}]+")) {
			if (word.isEmpty()) {
				continue;
			}
			counts.merge(Features.bucket("w" + word, buckets), 1f, Float::sum);
			if (previous != null) {
				counts.merge(Features.bucket("b" + previous + " " + word, buckets), 1f, Float::sum);
			}
			previous = word;
		}
		double norm = Math.sqrt(counts.values().stream().mapToDouble(c -> Math.pow(1 + Math.log(c), 2)).sum());
		counts.replaceAll((bucket, c) -> (float) ((1 + Math.log(c)) / norm));
		return counts;
	}
}
