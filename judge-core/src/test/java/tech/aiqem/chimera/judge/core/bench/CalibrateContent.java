package tech.aiqem.chimera.judge.core.bench;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import tech.aiqem.chimera.judge.core.Finding;
import tech.aiqem.chimera.judge.core.JudgeCore;
import tech.aiqem.chimera.judge.core.SafetyPorts;
import tech.aiqem.chimera.judge.core.Verdict;
import tech.aiqem.chimera.judge.core.checks.ToxicityClassifier;
import tech.aiqem.chimera.safety.HeldOutSafety;

/**
 * How the judge's doubt level for unflagged texts ({@code ToxicityCheck.DOUBT_AT}) is chosen: on the
 * records of the safety train file that the content-safety head never saw ({@link HeldOutSafety}), never on
 * the test file. Each text is judged as {@link SafetyTestFigures} judges the test file (a post of a persona
 * without topics); for each candidate level it prints, per source, the share of clean texts some content
 * check flags and the share of hate / insult texts flagged, and it picks the lowest level at which no
 * source's clean texts are flagged more than the 5 %. Run:
 * {@code ./mvnw -q -o -pl judge-core -am test-compile -Pjudge-bench -Dbench.main=tech.aiqem.chimera.judge.core.bench.CalibrateContent}.
 */
public final class CalibrateContent {

	static final double BUDGET = 0.05;

	private CalibrateContent() {
	}

	/** One judged text: whether a content check flags it other than through the doubt band, and its toxic score. */
	private record Judged(String source, String label, boolean flaggedOtherwise, double toxic) {
	}

	public static void main(String[] args) {
		JudgeCore judge = SafetyPorts.judgeCore();
		ToxicityClassifier classifier = SafetyPorts.toxicity();
		List<HeldOutSafety.Text> texts = HeldOutSafety.validation();
		List<Judged> judged = new java.util.ArrayList<>();
		Map<String, Integer> cleanCodes = new TreeMap<>();
		for (HeldOutSafety.Text text : texts) {
			Verdict verdict = judge.decide(PersonaSuite.post(SafetyTestFigures.NEUTRAL, text.text(), List.of()), new BigDecimal("0.90"), true);
			ToxicityClassifier.ToxicityScore score = classifier.score(text.text());
			boolean otherwise = verdict.findings().stream().anyMatch(f -> f.severity() != Finding.Severity.NOTE
					&& SafetyTestFigures.CONTENT_CODES.contains(f.code()) && (score.flagged() || !List.of("hate", "insult", "toxic").contains(f.code())));
			judged.add(new Judged(text.source(), text.label(), otherwise, score.toxic()));
			if (text.label().equals("clean")) {
				verdict.findings().stream().filter(f -> f.severity() != Finding.Severity.NOTE && SafetyTestFigures.CONTENT_CODES.contains(f.code()))
					.map(f -> f.code() + (score.flagged() ? "+classifier" : "")).distinct()
					.forEach(code -> cleanCodes.merge(text.source().replaceAll("^[^/]*/", "") + " " + code, 1, Integer::sum));
			}
		}
		System.out.printf(Locale.ROOT, "held-out safety train texts: %d (the content head's validation split)%n%n", judged.size());
		Double chosen = null;
		for (int step = 40; step <= 100; step += 5) {
			double level = step / 100.0;
			Map<String, long[]> counts = new TreeMap<>();
			for (Judged j : judged) {
				long[] c = counts.computeIfAbsent(j.source() + " " + j.label(), k -> new long[2]);
				c[0]++;
				c[1] += j.flaggedOtherwise() || j.toxic() >= level ? 1 : 0;
			}
			boolean within = counts.entrySet().stream().filter(e -> e.getKey().endsWith(" clean")).allMatch(e -> (double) e.getValue()[1] / e.getValue()[0] <= BUDGET);
			StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "doubt at %.2f%s:", level, within ? " (within budget)" : ""));
			counts.forEach((group, c) -> line.append(String.format(Locale.ROOT, "  %s %.3f", group.replaceAll("^[^/]*/", ""), (double) c[1] / c[0])));
			System.out.println(line);
			if (within && chosen == null) {
				chosen = level;
			}
		}
		System.out.println("held-out clean texts flagged, per source and content finding (+classifier: the classifier flagged it too): " + cleanCodes);
		System.out.println(chosen == null ? "\nno level keeps every source's clean texts within " + BUDGET + ": escalate only what the classifier flags"
				: String.format(Locale.ROOT, "%nlowest level within the %.0f %% budget: %.2f", BUDGET * 100, chosen));
	}
}
