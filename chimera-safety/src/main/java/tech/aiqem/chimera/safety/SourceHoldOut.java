package tech.aiqem.chimera.safety;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The leave-one-source-out check of the injection training: the closest the training file comes to
 * measuring a source nobody here saw. Printed by {@link TrainInjection} and part of its choice of
 * hyper-parameters.
 */
final class SourceHoldOut {

	private SourceHoldOut() {
	}

	/** A source for the leave-one-source-out check: the label and the repository (its files are one source). */
	static String group(Datasets.Example e) {
		int space = e.source().indexOf(' ');
		return e.label() + "|" + (space > 0 ? e.source().substring(0, space) : e.source());
	}

	/**
	 * For each source (repository) with at least 20 records: train on the fit split without it, set the threshold on the
	 * other sources' validation records, and score the held-out source. Value: {1 if positive source, rate}.
	 */
	static Map<String, double[]> injection(List<Datasets.Example> train, float[][] embeddings, Features.Sparse[] ngrams,
			int[] labels, boolean[] positive, boolean[] validation, LogisticTrainer.Settings settings) {
		Map<String, Integer> sizes = new java.util.TreeMap<>();
		train.forEach(e -> sizes.merge(group(e), 1, Integer::sum));
		Map<String, double[]> out = new LinkedHashMap<>();
		int n = train.size();
		for (Map.Entry<String, Integer> group : sizes.entrySet()) {
			if (group.getValue() < 20) {
				continue;
			}
			boolean[] held = new boolean[n];
			for (int i = 0; i < n; i++) {
				held[i] = group(train.get(i)).equals(group.getKey());
			}
			boolean[] fit = Training.and(Training.not(validation), Training.not(held));
			LogisticTrainer.Model model = LogisticTrainer.train(embeddings, ngrams, labels, Training.balancedWeights(train, fit), fit, 1,
					TrainInjection.BUCKETS, settings, Training.SEED);
			double[] scores = TrainInjection.logits(model, embeddings, ngrams);
			double threshold = Training.thresholdAtFpr(scores, positive, Training.and(validation, Training.not(held)), TrainInjection.VALIDATION_FPR);
			boolean isPositive = group.getKey().startsWith("injection|");
			out.put(group.getKey(), new double[] { isPositive ? 1 : 0, Training.rate(scores, held, threshold) });
		}
		return out;
	}

}
