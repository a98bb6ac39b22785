package tech.aiqem.chimera.safety;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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

	/** Every n-gram some seed has: its idf and each seed's weight for it (seeds' vectors turned inside out). */
	private final Map<String, Postings> index;

	private final int seedCount;

	private record Postings(double idf, int[] seeds, double[] weights) {
	}

	/** The similarity to these (normalised) seeds. */
	static AttackSimilarity of(List<String> seeds) {
		return new AttackSimilarity(seeds);
	}

	private AttackSimilarity(List<String> seeds) {
		Map<String, Integer> documentFrequency = new HashMap<>();
		List<Map<String, Integer>> counts = seeds.stream().map(AttackSimilarity::grams).toList();
		counts.forEach(c -> c.keySet().forEach(g -> documentFrequency.merge(g, 1, Integer::sum)));
		Map<String, Double> idf = new HashMap<>();
		documentFrequency.forEach((gram, df) -> idf.put(gram, Math.log(1.0 + seeds.size() / (double) df)));
		Map<String, List<double[]>> postings = new HashMap<>();
		for (int seed = 0; seed < counts.size(); seed++) {
			int s = seed;
			vector(counts.get(seed), idf).forEach((gram, weight) -> postings.computeIfAbsent(gram, g -> new ArrayList<>()).add(new double[] { s, weight }));
		}
		Map<String, Postings> index = new HashMap<>();
		postings.forEach((gram, list) -> index.put(gram, new Postings(idf.get(gram), list.stream().mapToInt(p -> (int) p[0]).toArray(),
				list.stream().mapToDouble(p -> p[1]).toArray())));
		this.index = Map.copyOf(index);
		this.seedCount = seeds.size();
	}

	/**
	 * The highest cosine similarity between the text and any seed, 0..1: the text's TF-IDF vector over the
	 * seeds' n-grams (n-grams no seed has carry no weight, so long benign texts do not dilute) against every
	 * seed at once, through the index.
	 */
	double closest(String normalisedText) {
		Map<String, int[]> counts = new HashMap<>();
		String padded = padded(normalisedText);
		for (int n = 3; n <= 4; n++) {
			for (int i = 0; i + n <= padded.length(); i++) {
				String gram = padded.substring(i, i + n);
				if (this.index.containsKey(gram)) {
					counts.computeIfAbsent(gram, g -> new int[1])[0]++;
				}
			}
		}
		double[] dots = new double[this.seedCount];
		double norm = 0;
		for (Map.Entry<String, int[]> entry : counts.entrySet()) {
			Postings postings = this.index.get(entry.getKey());
			double weight = (1 + Math.log(entry.getValue()[0])) * postings.idf();
			norm += weight * weight;
			for (int i = 0; i < postings.seeds().length; i++) {
				dots[postings.seeds()[i]] += weight * postings.weights()[i];
			}
		}
		if (norm == 0) {
			return 0;
		}
		double best = 0;
		for (double dot : dots) {
			best = Math.max(best, dot);
		}
		return best / Math.sqrt(norm);
	}

	/** Unit-length TF-IDF vector of n-gram counts, over the n-grams that have an idf. */
	private static Map<String, Double> vector(Map<String, Integer> counts, Map<String, Double> idf) {
		Map<String, Double> vector = new HashMap<>();
		counts.forEach((gram, count) -> {
			Double weight = idf.get(gram);
			if (weight != null) {
				vector.put(gram, (1 + Math.log(count)) * weight);
			}
		});
		double norm = Math.sqrt(vector.values().stream().mapToDouble(v -> v * v).sum());
		if (norm > 0) {
			vector.replaceAll((gram, v) -> v / norm);
		}
		return vector;
	}

	/** Character 3- and 4-gram counts of the padded text. */
	private static Map<String, Integer> grams(String text) {
		String padded = padded(text);
		Map<String, Integer> grams = new HashMap<>();
		for (int n = 3; n <= 4; n++) {
			for (int i = 0; i + n <= padded.length(); i++) {
				grams.merge(padded.substring(i, i + n), 1, Integer::sum);
			}
		}
		return grams;
	}

	/** Letters and numbers kept, every run of anything else one space, a space at each end. */
	static String padded(String text) {
		StringBuilder out = new StringBuilder(text.length() + 2).append(' ');
		boolean space = true;
		for (int i = 0; i < text.length();) {
			int cp = text.codePointAt(i);
			int n = Character.charCount(cp);
			if (letterOrNumber(cp)) {
				out.append(text, i, i + n);
				space = false;
			}
			else if (!space) {
				out.append(' ');
				space = true;
			}
			i += n;
		}
		if (!space) {
			out.append(' ');
		}
		return out.toString();
	}

	/** What {@code \p{L}} or {@code \p{N}} match. */
	private static boolean letterOrNumber(int cp) {
		if (cp < 128) {
			return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
		}
		return switch (Character.getType(cp)) {
			case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER, Character.MODIFIER_LETTER,
					Character.OTHER_LETTER, Character.DECIMAL_DIGIT_NUMBER, Character.LETTER_NUMBER, Character.OTHER_NUMBER -> true;
			default -> false;
		};
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
			return of(seeds);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
