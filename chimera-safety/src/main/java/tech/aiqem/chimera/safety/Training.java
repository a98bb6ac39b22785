package tech.aiqem.chimera.safety;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What the training and evaluation programs share: settings, paths, weighting and threshold search. */
final class Training {

	/** Characters of normalised text the sentence model reads (see {@link Features#embeddingWindow}). */
	static final int EMBED_CHARS = 600;

	static final long SEED = 42;

	static final double VALIDATION_FRACTION = 0.2;

	private Training() {
	}

	/** This module's directory, whether the program runs from it or from the repository root. */
	static Path moduleDir() {
		Path here = Path.of("").toAbsolutePath();
		if (Files.isDirectory(here.resolve("chimera-safety").resolve("src"))) {
			return here.resolve("chimera-safety");
		}
		return here;
	}

	static Path resource(String name) {
		return moduleDir().resolve("src/main/resources/tech/aiqem/chimera/safety").resolve(name);
	}

	static void writeHead(String name, LearnedHead.Parameters parameters) {
		try {
			Path file = resource(name);
			Files.writeString(file, LearnedHead.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(parameters));
			System.out.printf("wrote %s (%d KB)%n", moduleDir().relativize(file), Files.size(file) / 1024);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Sample weights: every label carries the same total weight, and inside a label each source counts
	 * with the square root of its size, so one large source (thousands of tweets) does not teach the head
	 * that its style is the label.
	 */
	static double[] balancedWeights(List<Datasets.Example> examples, boolean[] use) {
		Map<String, Integer> perSource = new HashMap<>();
		for (int i = 0; i < examples.size(); i++) {
			if (use[i]) {
				perSource.merge(examples.get(i).label() + "|" + examples.get(i).source(), 1, Integer::sum);
			}
		}
		double[] w = new double[examples.size()];
		Map<String, Double> perLabel = new HashMap<>();
		for (int i = 0; i < examples.size(); i++) {
			if (use[i]) {
				w[i] = 1 / Math.sqrt(perSource.get(examples.get(i).label() + "|" + examples.get(i).source()));
				perLabel.merge(examples.get(i).label(), w[i], Double::sum);
			}
		}
		long labels = perLabel.size();
		double total = count(use);
		for (int i = 0; i < examples.size(); i++) {
			if (use[i]) {
				w[i] = w[i] / perLabel.get(examples.get(i).label()) * total / labels;
			}
		}
		return w;
	}

	/** The lowest threshold whose false-positive rate on the negatives is at most {@code fpr}. */
	static double thresholdAtFpr(double[] scores, boolean[] positive, boolean[] mask, double fpr) {
		List<Double> negatives = new ArrayList<>();
		for (int i = 0; i < scores.length; i++) {
			if (mask[i] && !positive[i]) {
				negatives.add(scores[i]);
			}
		}
		negatives.sort(Double::compare);
		int allowed = (int) Math.floor(negatives.size() * fpr);
		if (negatives.isEmpty()) {
			return 0.5;
		}
		// everything strictly above the (allowed+1)-th highest negative may be flagged
		double bound = negatives.get(negatives.size() - 1 - Math.min(allowed, negatives.size() - 1));
		return Math.nextUp(bound);
	}

	static double rate(double[] scores, boolean[] mask, double threshold) {
		int n = 0;
		int over = 0;
		for (int i = 0; i < scores.length; i++) {
			if (mask[i]) {
				n++;
				if (scores[i] >= threshold) {
					over++;
				}
			}
		}
		return n == 0 ? Double.NaN : over / (double) n;
	}

	static boolean[] and(boolean[] a, boolean[] b) {
		boolean[] out = new boolean[a.length];
		for (int i = 0; i < a.length; i++) {
			out[i] = a[i] && b[i];
		}
		return out;
	}

	static boolean[] not(boolean[] a) {
		boolean[] out = new boolean[a.length];
		for (int i = 0; i < a.length; i++) {
			out[i] = !a[i];
		}
		return out;
	}

	/** The lowest rule score (0.5, 0.6, ... 1.0) from which the rules may flag on their own and keep the validation FPR in budget. */
	static double ruleOverride(double[] fused, double[] rules, double threshold, boolean[] positive, boolean[] budget, double fpr) {
		for (double level = 0.5; level <= 1.0001; level += 0.1) {
			int fp = 0;
			int negatives = 0;
			for (int i = 0; i < fused.length; i++) {
				if (budget[i] && !positive[i]) {
					negatives++;
					fp += fused[i] >= threshold || rules[i] >= level - 1e-9 ? 1 : 0;
				}
			}
			if (fp <= negatives * (fpr + 0.005)) {
				return Math.round(level * 10) / 10.0;
			}
		}
		return Double.POSITIVE_INFINITY;
	}

	static int count(boolean[] mask) {
		int c = 0;
		for (boolean b : mask) {
			c += b ? 1 : 0;
		}
		return c;
	}
}
