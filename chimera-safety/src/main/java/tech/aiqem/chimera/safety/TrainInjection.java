package tech.aiqem.chimera.safety;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Trains the injection head on {@code ../shared/datasets/injection/train.jsonl}, with benign posts of
 * {@code ../shared/datasets/safety/train.jsonl} ({@link SocialPosts}), and writes
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
		List<Datasets.Example> train = new ArrayList<>(Datasets.read("injection", "train"));
		int injectionRecords = train.size();
		List<Datasets.Example> social = SocialPosts.negatives();
		train.addAll(social);
		System.out.printf("plus %d posts and comments of safety/train.jsonl as benign (%d with a trigger word)%n", social.size(),
				social.stream().filter(e -> e.kind().equals("benign_instruction_like")).count());
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
		// the FPR budget is spent on the injection file's own benign texts: the added posts would loosen it
		boolean[] budget = validation.clone();
		for (int i = injectionRecords; i < n; i++) {
			budget[i] = false;
		}
		System.out.printf("features ready in %.0f s; fit %d, validation %d%n", (System.nanoTime() - started) / 1e9,
				Training.count(fit), Training.count(validation));

		List<LogisticTrainer.Settings> grid = new ArrayList<>();
		for (double scale : new double[] { 0.25, 0.5, 1 }) {
			for (double step : new double[] { 0.05, 0.2 }) {
				grid.add(new LogisticTrainer.Settings(scale, 1e-4, 8, step));
			}
		}
		LogisticTrainer.Settings best = null;
		double bestScore = -1;
		for (LogisticTrainer.Settings settings : grid) {
			double[] weights = Training.balancedWeights(train, fit);
			LogisticTrainer.Model model = LogisticTrainer.train(embeddings, ngrams, labels, weights, fit, 1, BUCKETS, settings, Training.SEED);
			double[] scores = logits(model, embeddings, ngrams);
			double threshold = Training.thresholdAtFpr(scores, positive, budget, VALIDATION_FPR);
			double recall = Training.rate(scores, Training.and(validation, positive), threshold);
			Map<String, double[]> loso = SourceHoldOut.injection(train, embeddings, ngrams, labels, positive, validation, settings);
			double heldOutRecall = loso.values().stream().filter(r -> r[0] == 1).mapToDouble(r -> r[1]).average().orElse(0);
			double heldOutFpr = loso.values().stream().filter(r -> r[0] == 0).mapToDouble(r -> r[1]).average().orElse(0);
			double score = 0.5 * recall + 0.5 * (heldOutRecall + 1 - heldOutFpr) / 2;
			System.out.printf("  ngram scale %.2f, l2 %.0e, step %.2f: validation recall %.3f at FPR %.2f; held-out sources recall %.3f, FPR %.3f -> %.3f%n",
					settings.ngramScale(), settings.l2(), settings.step(), recall, VALIDATION_FPR, heldOutRecall, heldOutFpr, score);
			if (score > bestScore) {
				bestScore = score;
				best = settings;
			}
		}
		System.out.println("chosen: " + best);
		LogisticTrainer.Model model = LogisticTrainer.train(embeddings, ngrams, labels, Training.balancedWeights(train, fit), fit, 1,
				BUCKETS, best, Training.SEED);
		double[] logits = logits(model, embeddings, ngrams);
		Map<String, double[]> loso = SourceHoldOut.injection(train, embeddings, ngrams, labels, positive, validation, best);
		loso.forEach((source, r) -> System.out.printf("  held out %-70s %s %.3f%n", source, r[0] == 1 ? "recall" : "FPR   ",
				r[1]));

		// Calibration, fusion and threshold are fitted on the validation split. (Fitting them on the
		// out-of-source scores instead was tried: held out by repository, the head's score barely ranks
		// attacks above benign text, the fusion then drops the head, and recall falls to about 0.2. The
		// held-out figures printed above are kept as the honest warning about unseen sources.)
		boolean[] calibration = new boolean[n];
		double[] calibrationLogit = new double[n];
		for (int i = 0; i < n; i++) {
			calibration[i] = validation[i];
			calibrationLogit[i] = logits[i];
		}
		List<double[]> platX = new ArrayList<>();
		List<double[]> fusionX = new ArrayList<>();
		List<Integer> y = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			if (calibration[i]) {
				platX.add(new double[] { calibrationLogit[i] });
				fusionX.add(new double[] { calibrationLogit[i], rules[i] });
				y.add(labels[i]);
			}
		}
		int[] yv = y.stream().mapToInt(Integer::intValue).toArray();
		double[] platt = LogisticTrainer.fitLogistic(platX.toArray(double[][]::new), yv, 1e-3);
		double[] fusion = LogisticTrainer.fitLogistic(fusionX.toArray(double[][]::new), yv, 1e-3);
		if (fusion[2] < 0) {
			// a rule firing must never lower the score (an attacker would add rule bait); if the fit says the
			// rules hurt on this data (they fire on benign role prompts), they get no weight in the score
			// and act only through the override level below
			double[] logitOnly = LogisticTrainer.fitLogistic(platX.toArray(double[][]::new), yv, 1e-3);
			fusion = new double[] { logitOnly[0], logitOnly[1], 0 };
		}
		double[] fused = new double[n];
		for (int i = 0; i < n; i++) {
			fused[i] = LearnedHead.sigmoid(fusion[0] + fusion[1] * logits[i] + fusion[2] * rules[i]);
		}
		double threshold = Training.thresholdAtFpr(fused, positive, budget, VALIDATION_FPR);
		double ruleOverride = Training.ruleOverride(fused, rules, threshold, positive, budget, VALIDATION_FPR);
		for (int i = 0; i < n; i++) {
			if (rules[i] >= ruleOverride - 1e-9) {
				fused[i] = Math.max(fused[i], threshold);
			}
		}
		System.out.println("rules flag on their own from score " + ruleOverride);
		double learnedOnlyThreshold = Training.thresholdAtFpr(logits, positive, budget, VALIDATION_FPR);
		System.out.printf("platt %.3f*logit%+.3f; fusion sigmoid(%.3f %+.3f*logit %+.3f*rules); threshold %.3f%n", platt[1], platt[0],
				fusion[0], fusion[1], fusion[2], threshold);
		Map<String, Object> figures = new LinkedHashMap<>();
		figures.put("rule_override", ruleOverride);
		figures.put("validation_recall", Training.rate(fused, Training.and(validation, positive), threshold));
		figures.put("validation_fpr", Training.rate(fused, Training.and(budget, Training.not(positive)), threshold));
		figures.put("validation_fpr_added_posts", Training.rate(fused, Training.and(Training.and(validation, Training.not(budget)),
				Training.not(positive)), threshold));
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
		figures.put("embedding_model", SentenceEmbeddings.MODEL);
		figures.forEach((k, v) -> System.out.println("  " + k + ": " + v));
		// fusion coefficients are stored in the [bias, logit, rules] order LearnedHead.fuse reads
		LearnedHead.Parameters parameters = new LearnedHead.Parameters("injection", List.of("injection"), false, BUCKETS,
				best.ngramScale(), Training.EMBED_CHARS, model.bias(), List.of(LearnedHead.base64(model.weights()[0])),
				new double[] { platt[1], platt[0] }, new double[] { fusion[0], fusion[1], fusion[2], ruleOverride }, threshold, figures);
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
}
