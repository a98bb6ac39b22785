package tech.aiqem.chimera.safety;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Measures the shipped detector ({@link InjectionDetector#shared()}, exactly what services call) on
 * {@code ../shared/datasets/injection/test.jsonl}: recall and false-positive rate overall, per source
 * (marking the sources absent from the training file) and per kind, the rules alone for comparison,
 * latency per text with the model warm, and the memory the model takes; then the false positives on the
 * posts and comments of {@code ../shared/datasets/safety/test.jsonl}, none of which is an injection (the
 * social text a detector of mentions reads most), overall and those with a word attacks use too. Prints only;
 * tunes nothing.
 */
final class EvaluateInjection {

	private EvaluateInjection() {
	}

	public static void main(String[] args) {
		List<Datasets.Example> test = Datasets.read("injection", "test");
		Set<String> trainSources = Datasets.read("injection", "train").stream().map(Datasets.Example::source).collect(Collectors.toSet());
		double heapBefore = Evaluation.heapMb();
		double rssBefore = Evaluation.rssMb();
		long loadStarted = System.nanoTime();
		InjectionDetector detector = InjectionDetector.shared();
		detector.scan("warm up the model and the head");
		double loadMs = (System.nanoTime() - loadStarted) / 1e6;
		for (int i = 0; i < 50; i++) {
			detector.scan(test.get(i).text());
		}
		double heapAfter = Evaluation.heapMb();
		double rssAfter = Evaluation.rssMb();

		Map<String, Evaluation.Tally> bySource = Evaluation.sorted();
		Map<String, Evaluation.Tally> byKind = Evaluation.sorted();
		Map<String, Evaluation.Tally> overall = Evaluation.sorted();
		Map<String, Evaluation.Tally> rulesOnly = Evaluation.sorted();
		long[] nanos = new long[test.size()];
		for (int i = 0; i < test.size(); i++) {
			Datasets.Example e = test.get(i);
			long started = System.nanoTime();
			InjectionScan scan = detector.scan(e.text());
			nanos[i] = System.nanoTime() - started;
			boolean attack = e.label().equals("injection");
			String metric = attack ? "recall" : "FPR";
			String unseen = trainSources.contains(e.source()) ? "" : " [test-only]";
			Evaluation.tally(bySource, e.source() + unseen + " (" + e.label() + ") " + metric).add(scan.injection());
			Evaluation.tally(byKind, e.kind() + " " + metric).add(scan.injection());
			Evaluation.tally(overall, "all " + metric).add(scan.injection());
			if (attack && !unseen.isEmpty()) {
				Evaluation.tally(overall, "test-only sources recall").add(scan.injection());
			}
			if (!attack && !unseen.isEmpty()) {
				Evaluation.tally(overall, "test-only sources FPR").add(scan.injection());
			}
			Evaluation.tally(rulesOnly, "rules alone " + metric)
				.add(RuleScan.scan(e.text()).score() >= InjectionDetector.RULES_THRESHOLD);
		}
		System.out.println("\n## injection/test.jsonl (" + test.size() + " records)\n");
		print("overall", overall);
		print("by kind", byKind);
		print("by source", bySource);
		print("rules alone (for comparison)", rulesOnly);
		System.out.println("\nlatency per scan, model warm: " + Evaluation.percentiles(nanos));
		System.out.printf("model load %.0f ms; heap after load %+.0f MB (%.0f MB in use); process RSS %+.0f MB (ONNX Runtime is native)%n",
				loadMs, heapAfter - heapBefore, heapAfter, rssAfter - rssBefore);
		socialPosts(detector);
	}

	/** False positives on the safety test file's posts and comments: all benign for this detector. */
	private static void socialPosts(InjectionDetector detector) {
		List<Datasets.Example> posts = Datasets.read("safety", "test");
		Map<String, Evaluation.Tally> flagged = Evaluation.sorted();
		for (Datasets.Example post : posts) {
			boolean injection = detector.scan(post.text()).injection();
			Evaluation.tally(flagged, "all posts FPR").add(injection);
			// Datasets names a safety source by its repository already
			Evaluation.tally(flagged, post.source() + " FPR").add(injection);
			if (SocialPosts.TRIGGER.matcher(post.text()).find()) {
				Evaluation.tally(flagged, "posts with a word attacks use (ignore, password, bot, AI, ...) FPR").add(injection);
			}
		}
		System.out.println("\n## safety/test.jsonl as benign text (" + posts.size() + " posts and comments, none an injection)");
		print("false positives", flagged);
	}

	static void print(String title, Map<String, Evaluation.Tally> tallies) {
		System.out.println("\n" + title + ":\n");
		System.out.println("| group | rate (flagged/total) |\n|---|---:|");
		tallies.forEach((k, v) -> System.out.println("| " + k + " | " + v + " |"));
	}
}
