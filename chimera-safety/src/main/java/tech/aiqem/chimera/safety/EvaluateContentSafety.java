package tech.aiqem.chimera.safety;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Measures the shipped classifier ({@link ContentSafety#shared()}) on
 * {@code ../shared/datasets/safety/test.jsonl}: per source and label the share flagged (recall for
 * unsafe labels, clean-flag rate for clean) and the share given exactly its label; for each source its
 * AUC and, for the test-only sources, the recall at the false-positive rate of the baseline (a
 * point on the ROC curve, for comparison only: the shipped threshold is the one fitted on validation).
 * Prints only; tunes nothing.
 */
final class EvaluateContentSafety {

	/** The baseline of issue 15 (char 3-5-gram logistic regression): source -> {recall, false-positive rate}. */
	static final Map<String, double[]> BASELINE = Map.of("amueller/kaggle_insults", new double[] { 0.48, 0.24 },
			"intelligence-csd-auth-gr/Ethos-Hate-Speech-Dataset", new double[] { 0.57, 0.22 });

	private EvaluateContentSafety() {
	}

	public static void main(String[] args) {
		List<Datasets.Example> test = Datasets.read("safety", "test");
		Set<String> trainSources = Datasets.read("safety", "train").stream().map(Datasets.Example::source).collect(Collectors.toSet());
		double heapBefore = Evaluation.heapMb();
		ContentSafety safety = ContentSafety.shared();
		safety.score("warm up the model and the head");
		for (int i = 0; i < 50; i++) {
			safety.score(test.get(i).text());
		}
		double heapAfter = Evaluation.heapMb();
		Map<String, Evaluation.Tally> flagged = Evaluation.sorted();
		Map<String, Evaluation.Tally> exact = Evaluation.sorted();
		Map<String, Evaluation.Tally> overall = Evaluation.sorted();
		double[] toxic = new double[test.size()];
		boolean[] unsafe = new boolean[test.size()];
		long[] nanos = new long[test.size()];
		for (int i = 0; i < test.size(); i++) {
			Datasets.Example e = test.get(i);
			long started = System.nanoTime();
			ContentScore score = safety.score(e.text());
			nanos[i] = System.nanoTime() - started;
			toxic[i] = score.toxic();
			unsafe[i] = !e.label().equals("clean");
			String unseen = trainSources.contains(e.source()) ? "" : " [test-only]";
			String key = e.source() + unseen + " " + e.label();
			Evaluation.tally(flagged, key + (unsafe[i] ? " recall" : " flagged")).add(score.flagged());
			if (unsafe[i] && !e.label().equals("toxic")) {
				Evaluation.tally(exact, key + " labelled " + e.label()).add(score.label().equals(e.label()));
			}
			Evaluation.tally(overall, (unseen.isEmpty() ? "sources in train and test, " : "test-only sources, ") + e.label()
					+ (unsafe[i] ? " recall" : " flagged")).add(score.flagged());
		}
		System.out.println("\n## safety/test.jsonl (" + test.size() + " records)\n");
		EvaluateInjection.print("overall (flagged = not clean at the shipped threshold)", overall);
		EvaluateInjection.print("per source and label: flagged", flagged);
		EvaluateInjection.print("per source and label: given exactly its label", exact);
		System.out.println("\nper source, ranking quality and the baseline comparison:\n");
		System.out.println("| source | AUC | recall at the baseline's FPR | baseline recall at that FPR |\n|---|---:|---:|---:|");
		for (String source : new TreeSet<>(test.stream().map(Datasets.Example::source).toList())) {
			boolean[] mask = new boolean[test.size()];
			for (int i = 0; i < test.size(); i++) {
				mask[i] = test.get(i).source().equals(source);
			}
			double auc = TrainContentSafety.auc(toxic, unsafe, mask);
			double[] baseline = BASELINE.get(source);
			String atBaseline = "";
			String base = "";
			if (baseline != null) {
				double threshold = Training.thresholdAtFpr(toxic, unsafe, mask, baseline[1]);
				atBaseline = String.format("%.3f (FPR %.3f)", Training.rate(toxic, Training.and(mask, unsafe), threshold),
						Training.rate(toxic, Training.and(mask, Training.not(unsafe)), threshold));
				base = String.format("%.2f (FPR %.2f)", baseline[0], baseline[1]);
			}
			System.out.printf("| %s | %.3f | %s | %s |%n", source, auc, atBaseline, base);
		}
		System.out.println("\nlatency per text, model warm: " + Evaluation.percentiles(nanos));
		System.out.printf("heap after load %+.0f MB (%.0f MB in use)%n", heapAfter - heapBefore, heapAfter);
	}
}
