package tech.aiqem.chimera.safety;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How close a text comes to a known attack: cosine similarity of character 3- and 4-gram TF-IDF vectors
 * against the seed attacks in {@code attack-seeds.txt}. Character n-grams survive the spelling games the
 * rules may miss (paraphrase, extra words, partial translations) and need no model: in-process,
 * microseconds per text. The seeds are kept apart from the corpus the detector is measured on.
 */
final class AttackSimilarity {

	static final AttackSimilarity SEEDS = load("attack-seeds.txt");

	private final List<Map<String, Double>> seeds;

	private final Map<String, Double> idf;

	private AttackSimilarity(List<String> seeds) {
		Map<String, Integer> documentFrequency = new HashMap<>();
		List<Map<String, Integer>> counts = seeds.stream().map(AttackSimilarity::grams).toList();
		counts.forEach(c -> c.keySet().forEach(g -> documentFrequency.merge(g, 1, Integer::sum)));
		Map<String, Double> idf = new HashMap<>();
		documentFrequency.forEach((gram, df) -> idf.put(gram, Math.log(1.0 + seeds.size() / (double) df)));
		this.idf = Map.copyOf(idf);
		this.seeds = counts.stream().map(this::vector).toList();
	}

	/** The highest cosine similarity between the text and any seed, 0..1. */
	double closest(String normalisedText) {
		Map<String, Double> text = vector(grams(normalisedText));
		double best = 0;
		for (Map<String, Double> seed : this.seeds) {
			double dot = 0;
			for (Map.Entry<String, Double> gram : seed.entrySet()) {
				Double weight = text.get(gram.getKey());
				if (weight != null) {
					dot += weight * gram.getValue();
				}
			}
			best = Math.max(best, dot);
		}
		return best;
	}

	/** Unit-length TF-IDF vector; n-grams no seed has carry no weight, so long benign texts do not dilute. */
	private Map<String, Double> vector(Map<String, Integer> counts) {
		Map<String, Double> vector = new HashMap<>();
		counts.forEach((gram, count) -> {
			Double idf = this.idf.get(gram);
			if (idf != null) {
				vector.put(gram, (1 + Math.log(count)) * idf);
			}
		});
		double norm = Math.sqrt(vector.values().stream().mapToDouble(v -> v * v).sum());
		if (norm > 0) {
			vector.replaceAll((gram, v) -> v / norm);
		}
		return vector;
	}

	private static Map<String, Integer> grams(String text) {
		String padded = " " + text.replaceAll("[^\\p{L}\\p{N} ]", " ").replaceAll("\\s+", " ").strip() + " ";
		Map<String, Integer> grams = new HashMap<>();
		for (int n = 3; n <= 4; n++) {
			for (int i = 0; i + n <= padded.length(); i++) {
				grams.merge(padded.substring(i, i + n), 1, Integer::sum);
			}
		}
		return grams;
	}

	private static AttackSimilarity load(String resource) {
		try (InputStream in = AttackSimilarity.class.getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("missing classpath resource " + resource + " next to " + AttackSimilarity.class.getName());
			}
			List<String> seeds = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
				.map(String::strip)
				.filter(line -> !line.isEmpty() && !line.startsWith("#"))
				.map(Normaliser::base)
				.toList();
			return new AttackSimilarity(seeds);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
