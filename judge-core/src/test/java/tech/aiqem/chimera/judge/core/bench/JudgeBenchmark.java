package tech.aiqem.chimera.judge.core.bench;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import tech.aiqem.chimera.judge.core.Finding;
import tech.aiqem.chimera.judge.core.JudgeCore;
import tech.aiqem.chimera.judge.core.SafetyPorts;
import tech.aiqem.chimera.judge.core.Verdict;
import tech.aiqem.chimera.safety.ContentSafety;
import tech.aiqem.chimera.safety.InjectionDetector;

/**
 * The judge benchmark (not a test): runs the offline judge, exactly as the judge service and the preview
 * endpoint run it, over the persona suite and prints precision and recall of approve / review / reject per
 * category and overall, and the issue's targets. {@code verbose} lists every item decided otherwise than
 * expected. Then the same judge on every text of the safety test file, per source ({@link SafetyTestFigures}; a few
 * minutes; {@code suite-only} skips it). Run: {@code ./mvnw -q -o -pl judge-core -am test-compile -Pjudge-bench}.
 */
public final class JudgeBenchmark {

	private static final List<String> DECISIONS = List.of("approve", "review", "reject");

	private JudgeBenchmark() {
	}

	public static void main(String[] args) {
		boolean verbose = List.of(args).contains("verbose");
		JudgeCore judge = SafetyPorts.judgeCore();
		BigDecimal threshold = new BigDecimal("0.90");
		List<SuiteItem> suite = PersonaSuite.build();
		Map<String, List<String[]>> byCategory = new TreeMap<>();
		List<String[]> all = new ArrayList<>();
		// models loaded and warm before the clock starts, on texts outside the suite
		for (int i = 0; i < 20; i++) {
			InjectionDetector.shared().scan("warm up " + i);
			ContentSafety.shared().score("warm up " + i);
		}
		long started = System.nanoTime();
		int ours = 0;
		long[] nanos = new long[suite.size()];
		for (SuiteItem item : suite) {
			long one = System.nanoTime();
			Verdict verdict = judge.decide(item.draft(), threshold, true);
			nanos[all.size()] = System.nanoTime() - one;
			String[] pair = { item.expected(), verdict.outcome().wire() };
			byCategory.computeIfAbsent(item.category(), c -> new ArrayList<>()).add(pair);
			all.add(pair);
			ours += item.origin().startsWith("ours") ? 1 : 0;
			if (verbose && !pair[0].equals(pair[1])) {
				System.out.printf(Locale.ROOT, "%-18s expected %-7s got %-7s %.2f  %s | %s%n", item.category(), pair[0], pair[1],
						verdict.confidence(), abbreviate(item.draft().text()), String.join("; ",
								verdict.findings().stream().filter(f -> f.severity() != Finding.Severity.NOTE || verbose).map(f -> f.code() + ": " + f.detail()).toList()));
			}
		}
		double seconds = (System.nanoTime() - started) / 1e9;
		System.out.printf(Locale.ROOT, "%nPersona suite: %d items (%d with a sentence of ours), %d personas, judged in %.1f s%n%n", suite.size(),
				ours, SuitePersonas.FILES.size(), seconds);
		Arrays.sort(nanos);
		System.out.printf(Locale.ROOT, "Judge CPU per result (one thread, models warm, each text judged once): p50 %.1f ms, p95 %.1f ms, "
				+ "%.0f results/s%n%n", nanos[nanos.length / 2] / 1e6, nanos[(int) (nanos.length * 0.95)] / 1e6, suite.size() / seconds);
		System.out.printf(Locale.ROOT, "%-20s %5s | %-17s | %-17s | %-17s | %s%n", "category", "n", "approve  P / R", "review   P / R",
				"reject   P / R", "got approve/review/reject");
		byCategory.forEach((category, pairs) -> row(category, pairs));
		row("OVERALL", all);
		long rejectApproved = all.stream().filter(p -> p[0].equals("reject") && p[1].equals("approve")).count();
		List<String[]> clean = byCategory.getOrDefault("clean_on_persona", List.of());
		long cleanApproved = clean.stream().filter(p -> p[1].equals("approve")).count();
		System.out.printf(Locale.ROOT, "%nauto-approve precision %.3f (target >= 0.98); reject items auto-approved: %d (target 0); "
				+ "clean on-persona auto-approved %d/%d = %.3f (target >= 0.80)%n", precision(all, "approve"), rejectApproved,
				cleanApproved, clean.size(), clean.isEmpty() ? 0 : (double) cleanApproved / clean.size());
		if (!List.of(args).contains("suite-only")) {
			SafetyTestFigures.print(judge, threshold);
		}
	}

	private static void row(String category, List<String[]> pairs) {
		Map<String, Long> got = new LinkedHashMap<>();
		DECISIONS.forEach(d -> got.put(d, pairs.stream().filter(p -> p[1].equals(d)).count()));
		StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-20s %5d", category, pairs.size()));
		for (String decision : DECISIONS) {
			line.append(String.format(Locale.ROOT, " | %-7s / %-7s", fmt(precision(pairs, decision)), fmt(recall(pairs, decision))));
		}
		line.append(" | ").append(got.get("approve")).append('/').append(got.get("review")).append('/').append(got.get("reject"));
		System.out.println(line);
	}

	static Double precision(List<String[]> pairs, String decision) {
		long predicted = pairs.stream().filter(p -> p[1].equals(decision)).count();
		return predicted == 0 ? null : (double) pairs.stream().filter(p -> p[1].equals(decision) && p[0].equals(decision)).count() / predicted;
	}

	static Double recall(List<String[]> pairs, String decision) {
		long expected = pairs.stream().filter(p -> p[0].equals(decision)).count();
		return expected == 0 ? null : (double) pairs.stream().filter(p -> p[1].equals(decision) && p[0].equals(decision)).count() / expected;
	}

	private static String fmt(Double value) {
		return value == null ? "-" : String.format(Locale.ROOT, "%.2f", value);
	}

	private static String abbreviate(String text) {
		String one = text.replaceAll("\\s+", " ");
		return one.length() > 90 ? one.substring(0, 90) + "…" : one;
	}
}
