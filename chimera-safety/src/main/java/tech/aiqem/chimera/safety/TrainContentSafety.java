package tech.aiqem.chimera.safety;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Trains the content-safety head (softmax over clean / hate / insult) on
 * {@code ../shared/datasets/safety/train.jsonl} only and writes {@code content-head.json}. A stratified
 * validation split (label and source, fixed seed) chooses the hyper-parameters together with a
 * leave-one-source-out check (ranking quality, AUC, on a source the head did not see), then fits the
 * calibration of "not clean" and a threshold that flags at most {@link #VALIDATION_CLEAN_FLAGGED} of the
 * clean validation texts of every source. The test file is never read.
 */
final class TrainContentSafety {

	static final int BUCKETS = 1 << 17;

	static final List<String> CLASSES = List.of("clean", "hate", "insult");

	static final double VALIDATION_CLEAN_FLAGGED = 0.045;

	/** At most this many records of one label from one source (see {@link Datasets#capPerStratum}). */
	static final int STRATUM_CAP = 2500;

	private TrainContentSafety() {
	}

	public static void main(String[] args) {
		long started = System.nanoTime();
		List<Datasets.Example> all = Datasets.read("safety", "train");
		List<Datasets.Example> train = Datasets.capPerStratum(all, STRATUM_CAP, Training.SEED);
		int n = train.size();
		List<String> normalised = train.stream().map(e -> Normaliser.reading(e.text())).toList();
		System.out.printf("safety/train.jsonl: %d records, %d after capping each label and source at %d; embedding (cached under target/)...%n", all.size(), n, STRATUM_CAP);
		float[][] embeddings = EmbeddingCache.embeddings("safety", normalised, Training.EMBED_CHARS).toArray(float[][]::new);
		Features.Sparse[] ngrams = normalised.stream().map(t -> Features.ngrams(t, BUCKETS)).toArray(Features.Sparse[]::new);
		int[] labels = train.stream().mapToInt(e -> CLASSES.indexOf(e.label())).toArray();
		boolean[] unsafe = new boolean[n];
		for (int i = 0; i < n; i++) {
			unsafe[i] = labels[i] != 0;
		}
		boolean[] validation = Datasets.validationSplit(train, Training.VALIDATION_FRACTION, Training.SEED);
		boolean[] fit = Training.not(validation);
		List<String> sources = new ArrayList<>(new TreeSet<>(train.stream().map(Datasets.Example::source).toList()));
		System.out.printf("features ready in %.0f s; fit %d, validation %d%n", (System.nanoTime() - started) / 1e9,
				Training.count(fit), Training.count(validation));

		LogisticTrainer.Settings best = null;
		double bestScore = -1;
		for (double scale : new double[] { 0.5, 1 }) {
			for (double step : new double[] { 0.05, 0.2 }) {
				double l2 = 1e-4;
				LogisticTrainer.Settings settings = new LogisticTrainer.Settings(scale, l2, 6, step);
				LogisticTrainer.Model model = train(train, embeddings, ngrams, labels, fit, settings);
				double[] toxic = notClean(model, embeddings, ngrams);
				double threshold = threshold(train, toxic, unsafe, validation, sources);
				double recall = Training.rate(toxic, Training.and(validation, unsafe), threshold);
				double auc = 0;
				for (String source : sources) {
					boolean[] held = new boolean[n];
					for (int i = 0; i < n; i++) {
						held[i] = train.get(i).source().equals(source);
					}
					LogisticTrainer.Model without = train(train, embeddings, ngrams, labels, Training.and(fit, Training.not(held)), settings);
					double sourceAuc = auc(notClean(without, embeddings, ngrams), unsafe, held);
					System.out.printf("    without %s: AUC there %.3f%n", source, sourceAuc);
					auc += sourceAuc / sources.size();
				}
				double score = 0.5 * recall + 0.5 * auc;
				System.out.printf("  ngram scale %.1f, l2 %.0e, step %.2f: validation unsafe recall %.3f; held-out source AUC %.3f -> %.3f%n", scale, l2, step,
						recall, auc, score);
				if (score > bestScore) {
					bestScore = score;
					best = settings;
				}
			}
		}
		System.out.println("chosen: " + best);
		LogisticTrainer.Model model = train(train, embeddings, ngrams, labels, fit, best);
		double[] toxic = notClean(model, embeddings, ngrams);
		List<double[]> x = new ArrayList<>();
		List<Integer> y = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			if (validation[i]) {
				x.add(new double[] { logit(toxic[i]) });
				y.add(unsafe[i] ? 1 : 0);
			}
		}
		double[] platt = LogisticTrainer.fitLogistic(x.toArray(double[][]::new), y.stream().mapToInt(Integer::intValue).toArray(), 1e-3);
		double[] calibrated = new double[n];
		for (int i = 0; i < n; i++) {
			calibrated[i] = LearnedHead.sigmoid(platt[0] + platt[1] * logit(toxic[i]));
		}
		double threshold = threshold(train, calibrated, unsafe, validation, sources);
		Map<String, Object> figures = new LinkedHashMap<>();
		for (String source : sources) {
			for (String label : CLASSES) {
				boolean[] mask = new boolean[n];
				for (int i = 0; i < n; i++) {
					mask[i] = validation[i] && train.get(i).source().equals(source) && train.get(i).label().equals(label);
				}
				if (Training.count(mask) > 0) {
					figures.put("validation flagged " + source + " " + label,
							Math.round(Training.rate(calibrated, mask, threshold) * 1000) / 1000.0);
				}
			}
		}
		figures.put("settings", best.toString());
		figures.put("embedding_model", SentenceEmbeddings.MODEL);
		figures.forEach((k, v) -> System.out.println("  " + k + ": " + v));
		System.out.printf("platt sigmoid(%.3f + %.3f*logit); threshold %.3f%n", platt[0], platt[1], threshold);
		LearnedHead.Parameters parameters = new LearnedHead.Parameters("content-safety", CLASSES, true, BUCKETS, best.ngramScale(),
				Training.EMBED_CHARS, model.bias(),
				java.util.Arrays.stream(model.weights()).map(LearnedHead::base64).toList(), new double[] { platt[1], platt[0] },
				new double[] { 0, 1, 0 }, threshold, figures);
		Training.writeHead(ContentSafety.HEAD_RESOURCE, parameters);
		System.out.printf("done in %.0f s%n", (System.nanoTime() - started) / 1e9);
	}

	static LogisticTrainer.Model train(List<Datasets.Example> train, float[][] embeddings, Features.Sparse[] ngrams, int[] labels,
			boolean[] use, LogisticTrainer.Settings settings) {
		return LogisticTrainer.train(embeddings, ngrams, labels, Training.balancedWeights(train, use), use, CLASSES.size(), BUCKETS,
				settings, Training.SEED);
	}

	/** P(not clean) per record. */
	static double[] notClean(LogisticTrainer.Model model, float[][] embeddings, Features.Sparse[] ngrams) {
		double[] out = new double[embeddings.length];
		for (int i = 0; i < out.length; i++) {
			double[] z = model.logits(embeddings[i], ngrams[i]);
			double max = Math.max(z[0], Math.max(z[1], z[2]));
			double sum = 0;
			for (double v : z) {
				sum += Math.exp(v - max);
			}
			out[i] = 1 - Math.exp(z[0] - max) / sum;
		}
		return out;
	}

	/** The lowest threshold that flags at most the budget of every source's clean validation texts. */
	static double threshold(List<Datasets.Example> train, double[] scores, boolean[] unsafe, boolean[] validation, List<String> sources) {
		double threshold = 0;
		for (String source : sources) {
			boolean[] mask = new boolean[scores.length];
			for (int i = 0; i < scores.length; i++) {
				mask[i] = validation[i] && train.get(i).source().equals(source);
			}
			threshold = Math.max(threshold, Training.thresholdAtFpr(scores, unsafe, mask, VALIDATION_CLEAN_FLAGGED));
		}
		return threshold;
	}

	static double logit(double p) {
		double q = Math.min(1 - 1e-9, Math.max(1e-9, p));
		return Math.log(q / (1 - q));
	}

	/** Area under the ROC curve of the scores on the masked records (Mann-Whitney, ties halved). */
	static double auc(double[] scores, boolean[] positive, boolean[] mask) {
		List<double[]> rows = new ArrayList<>();
		for (int i = 0; i < scores.length; i++) {
			if (mask[i]) {
				rows.add(new double[] { scores[i], positive[i] ? 1 : 0 });
			}
		}
		rows.sort((a, b) -> Double.compare(a[0], b[0]));
		double rankSum = 0;
		long positives = 0;
		int i = 0;
		while (i < rows.size()) {
			int j = i;
			while (j < rows.size() && rows.get(j)[0] == rows.get(i)[0]) {
				j++;
			}
			double rank = (i + 1 + j) / 2.0;
			for (int k = i; k < j; k++) {
				if (rows.get(k)[1] == 1) {
					rankSum += rank;
					positives++;
				}
			}
			i = j;
		}
		long negatives = rows.size() - positives;
		if (positives == 0 || negatives == 0) {
			return Double.NaN;
		}
		return (rankSum - positives * (positives + 1) / 2.0) / (positives * (double) negatives);
	}
}
