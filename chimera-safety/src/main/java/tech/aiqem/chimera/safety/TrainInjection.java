package tech.aiqem.chimera.safety;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Trains the injection head on {@code ../shared/datasets/injection/train.jsonl} only and writes
 * {@code injection-head.json}. A stratified validation split (by label and source, fixed seed) chooses
 * the hyper-parameters together with a leave-one-source-out check (train without a source, score it:
 * the closest the training data come to "a source nobody here saw"), then fits the Platt calibration,
 * the fusion with the rules and the threshold. The test file is never read. Run: see the module README.
 */
final class TrainInjection {

	static final int BUCKETS = 1 << 16;

	/** Validation false-positive budget the threshold is set to (the target on unseen data is 5 %). */
	static final double VALIDATION_FPR = 0.02;

	private TrainInjection() {
	}

	public static void main(String[] args) {
		long started = System.nanoTime();
		List<Datasets.Example> train = Datasets.read("injection", "train");
		int n = train.size();
		List<String> normalised = train.stream().map(e -> Normaliser.reading(e.text())).toList();
		System.out.printf("injection/train.jsonl: %d records; embedding (cached under target/)...%n", n);
		float[][] embeddings = EmbeddingCache.embeddings("injection", normalised, Training.EMBED_CHARS).toArray(float[][]::new);
		Features.Sparse[] ngrams = normalised.stream().map(t -> Features.ngrams(t, BUCKETS)).toArray(Features.Sparse[]::new);
		double[] rules = train.stream().mapToDouble(e -> RuleScan.scan(e.text()).score()).toArray();
		int[] labels = train.stream().mapToInt(e -> e.label().equals("injection") ? 1 : 0).toArray();
		boolean[] positive = new boolean[n];
		for (int i = 0; i < n; i++) {
			positive[i] = labels[i] == 1;
		}
		boolean[] validation = Datasets.validationSplit(train, Training.VALIDATION_FRACTION, Training.SEED);
		boolean[] fit = Training.not(validation);
		System.out.printf("features ready in %.0f s; fit %d, validation %d%n", (System.nanoTime() - started) / 1e9,
				count(fit), count(validation));

		List<LogisticTrainer.Settings> grid = new ArrayList<>();
		for (double scale : new double[] { 0, 0.5, 1, 2 }) {
			for (double l2 : new double[] { 1e-5, 1e-4 }) {
				grid.add(new LogisticTrainer.Settings(scale, l2, 8, 0.05));
			}
		}
		LogisticTrainer.Settings best = null;
		double bestScore = -1;
		for (LogisticTrainer.Settings settings : grid) {
			double[] weights = Training.balancedWeights(train, fit);
			LogisticTrainer.Model model = LogisticTrainer.train(embeddings, ngrams, labels, weights, fit, 1, BUCKETS, settings, Training.SEED);
			double[] scores = logits(model, embeddings, ngrams);
			double threshold = Training.thresholdAtFpr(scores, positive, validation, VALIDATION_FPR);
			double recall = Training.rate(scores, Training.and(validation, positive), threshold);
			Map<String, double[]> loso = leaveOneSourceOut(train, embeddings, ngrams, labels, positive, validation, settings);
			double heldOutRecall = loso.values().stream().filter(r -> r[0] == 1).mapToDouble(r -> r[1]).average().orElse(0);
			double heldOutFpr = loso.values().stream().filter(r -> r[0] == 0).mapToDouble(r -> r[1]).average().orElse(0);
			double score = 0.5 * recall + 0.5 * (heldOutRecall + 1 - heldOutFpr) / 2;
			System.out.printf("  ngram scale %.1f, l2 %.0e: validation recall %.3f at FPR %.2f; held-out sources recall %.3f, FPR %.3f -> %.3f%n",
					settings.ngramScale(), settings.l2(), recall, VALIDATION_FPR, heldOutRecall, heldOutFpr, score);
			if (score > bestScore) {
				bestScore = score;
				best = settings;
			}
		}
		System.out.println("chosen: " + best);
		LogisticTrainer.Model model = LogisticTrainer.train(embeddings, ngrams, labels, Training.balancedWeights(train, fit), fit, 1,
				BUCKETS, best, Training.SEED);
		double[] logits = logits(model, embeddings, ngrams);
		Map<String, double[]> loso = leaveOneSourceOut(train, embeddings, ngrams, labels, positive, validation, best);
		loso.forEach((source, r) -> System.out.printf("  held out %-70s %s %.3f%n", source, r[0] == 1 ? "recall" : "FPR   ",
				r[1]));

		// calibration and fusion on the validation split only
		List<double[]> platX = new ArrayList<>();
		List<double[]> fusionX = new ArrayList<>();
		List<Integer> y = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			if (validation[i]) {
				platX.add(new double[] { logits[i] });
				fusionX.add(new double[] { logits[i], rules[i] });
				y.add(labels[i]);
			}
		}
		int[] yv = y.stream().mapToInt(Integer::intValue).toArray();
		double[] platt = LogisticTrainer.fitLogistic(platX.toArray(double[][]::new), yv, 1e-3);
		double[] fusion = LogisticTrainer.fitLogistic(fusionX.toArray(double[][]::new), yv, 1e-3);
		double[] fused = new double[n];
		for (int i = 0; i < n; i++) {
			fused[i] = LearnedHead.sigmoid(fusion[0] + fusion[1] * logits[i] + fusion[2] * rules[i]);
		}
		double threshold = Training.thresholdAtFpr(fused, positive, validation, VALIDATION_FPR);
		double learnedOnlyThreshold = Training.thresholdAtFpr(logits, positive, validation, VALIDATION_FPR);
		System.out.printf("platt %.3f*logit%+.3f; fusion sigmoid(%.3f %+.3f*logit %+.3f*rules); threshold %.3f%n", platt[1], platt[0],
				fusion[0], fusion[1], fusion[2], threshold);
		Map<String, Object> figures = new LinkedHashMap<>();
		figures.put("validation_recall", Training.rate(fused, Training.and(validation, positive), threshold));
		figures.put("validation_fpr", Training.rate(fused, Training.and(validation, Training.not(positive)), threshold));
		figures.put("validation_recall_learned_only", Training.rate(logits, Training.and(validation, positive), learnedOnlyThreshold));
		figures.put("validation_recall_rules_only", Training.rate(rules, Training.and(validation, positive), InjectionDetector.RULES_THRESHOLD));
		figures.put("validation_fpr_rules_only",
				Training.rate(rules, Training.and(validation, Training.not(positive)), InjectionDetector.RULES_THRESHOLD));
		Map<String, Object> perKind = new LinkedHashMap<>();
		for (String kind : new TreeSet<>(train.stream().map(Datasets.Example::kind).toList())) {
			boolean[] mask = new boolean[n];
			for (int i = 0; i < n; i++) {
				mask[i] = validation[i] && train.get(i).kind().equals(kind);
			}
			perKind.put(kind, Math.round(Training.rate(fused, mask, threshold) * 1000) / 1000.0);
		}
		figures.put("validation_flag_rate_per_kind", perKind);
		Map<String, Object> held = new LinkedHashMap<>();
		loso.forEach((source, r) -> held.put(source, (r[0] == 1 ? "recall " : "fpr ") + Math.round(r[1] * 1000) / 1000.0));
		figures.put("held_out_source", held);
		figures.put("settings", best.toString());
		figures.forEach((k, v) -> System.out.println("  " + k + ": " + v));
		// fusion coefficients are stored in the [bias, logit, rules] order LearnedHead.fuse reads
		LearnedHead.Parameters parameters = new LearnedHead.Parameters("injection", List.of("injection"), false, BUCKETS,
				best.ngramScale(), Training.EMBED_CHARS, model.bias(), List.of(LearnedHead.base64(model.weights()[0])),
				new double[] { platt[1], platt[0] }, fusion, threshold, figures);
		Training.writeHead(InjectionDetector.HEAD_RESOURCE, parameters);
		System.out.printf("done in %.0f s%n", (System.nanoTime() - started) / 1e9);
	}

	static double[] logits(LogisticTrainer.Model model, float[][] embeddings, Features.Sparse[] ngrams) {
		double[] out = new double[embeddings.length];
		for (int i = 0; i < out.length; i++) {
			out[i] = model.logits(embeddings[i], ngrams[i])[0];
		}
		return out;
	}

	/**
	 * For each source with at least 20 records: train on the fit split without it, set the threshold on the
	 * other sources' validation records, and score the held-out source. Value: {1 if positive source, rate}.
	 */
	static Map<String, double[]> leaveOneSourceOut(List<Datasets.Example> train, float[][] embeddings, Features.Sparse[] ngrams,
			int[] labels, boolean[] positive, boolean[] validation, LogisticTrainer.Settings settings) {
		Map<String, Integer> sizes = new java.util.TreeMap<>();
		train.forEach(e -> sizes.merge(e.label() + "|" + e.source(), 1, Integer::sum));
		Map<String, double[]> out = new LinkedHashMap<>();
		int n = train.size();
		for (Map.Entry<String, Integer> group : sizes.entrySet()) {
			if (group.getValue() < 20) {
				continue;
			}
			boolean[] held = new boolean[n];
			for (int i = 0; i < n; i++) {
				held[i] = (train.get(i).label() + "|" + train.get(i).source()).equals(group.getKey());
			}
			boolean[] fit = Training.and(Training.not(validation), Training.not(held));
			LogisticTrainer.Model model = LogisticTrainer.train(embeddings, ngrams, labels, Training.balancedWeights(train, fit), fit, 1,
					BUCKETS, settings, Training.SEED);
			double[] scores = logits(model, embeddings, ngrams);
			double threshold = Training.thresholdAtFpr(scores, positive, Training.and(validation, Training.not(held)), VALIDATION_FPR);
			boolean isPositive = group.getKey().startsWith("injection|");
			out.put(group.getKey(), new double[] { isPositive ? 1 : 0, Training.rate(scores, held, threshold) });
		}
		return out;
	}

	static int count(boolean[] mask) {
		int c = 0;
		for (boolean b : mask) {
			c += b ? 1 : 0;
		}
		return c;
	}
}
