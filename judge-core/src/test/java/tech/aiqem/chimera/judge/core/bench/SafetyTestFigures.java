package tech.aiqem.chimera.judge.core.bench;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import tech.aiqem.chimera.judge.core.Datasets;
import tech.aiqem.chimera.judge.core.Finding;
import tech.aiqem.chimera.judge.core.JudgeCore;
import tech.aiqem.chimera.judge.core.Verdict;
import tech.aiqem.chimera.model.persona.Persona;
import tech.aiqem.chimera.model.persona.SoulMarkdown;

/**
 * The judge on the whole safety test file (issue 15's first figure): every text judged as a post of a
 * persona with no topics, forbidden topics or brands of its own (so that only what the text says decides),
 * by the same {@link JudgeCore} as the service. Per source and label it counts the texts that a content
 * check flags (the classifier's hate / insult / toxic, profanity, slurs, the harm phrases: escalated or
 * rejected), those rejected, and those auto-approved. The test-only sources are printed with the plain
 * baseline's operating point that the issue quotes, for comparison at about the same share of clean texts flagged.
 */
final class SafetyTestFigures {

	static final Set<String> CONTENT_CODES = Set.of("hate", "insult", "toxic", "profanity", "slur", "self_harm", "threat", "sexual",
			"medical_claim", "group_generalisation");

	/** The baseline (logistic regression on hashed character 3-5-grams): recall at its share of clean texts flagged. */
	private static final Map<String, String> BASELINE = Map.of("amueller/kaggle_insults", "baseline: 0.48 of insults at 0.24 of clean",
			"intelligence-csd-auth-gr/Ethos-Hate-Speech-Dataset", "baseline: 0.57 of hate at 0.22 of clean");

	/** A persona without topics, forbidden topics or brands: only what a text says decides. */
	static final Persona NEUTRAL = SoulMarkdown.parse("""
			# Bench
			## Identity
			A creator who posts about everyday life.
			## Voice
			- friendly
			## Disclosure
			automated
			""");

	private SafetyTestFigures() {
	}

	static void print(JudgeCore judge, BigDecimal threshold) {
		List<Datasets.Record> records = Datasets.read("safety/test.jsonl");
		// source -> label -> {n, flagged, rejected, approved}
		Map<String, Map<String, long[]>> counts = new TreeMap<>();
		// source|label -> content finding code -> texts
		Map<String, Map<String, Integer>> codes = new TreeMap<>();
		long started = System.nanoTime();
		for (int i = 0; i < records.size(); i++) {
			Datasets.Record record = records.get(i);
			Verdict verdict = judge.decide(PersonaSuite.post(NEUTRAL, record.text(), List.of()), threshold, true);
			long[] c = counts.computeIfAbsent(record.source().replaceAll("@.*", ""), s -> new TreeMap<>())
				.computeIfAbsent(record.label(), l -> new long[4]);
			c[0]++;
			c[1] += verdict.findings().stream().anyMatch(SafetyTestFigures::content) ? 1 : 0;
			verdict.findings().stream().filter(SafetyTestFigures::content).map(f -> f.code() + (f.severity() == Finding.Severity.REJECT ? "!" : ""))
				.distinct().forEach(code -> codes.computeIfAbsent(record.source().replaceAll("@.*", "") + " " + record.label(), k -> new TreeMap<>())
					.merge(code, 1, Integer::sum));
			c[2] += "reject".equals(verdict.outcome().wire()) ? 1 : 0;
			c[3] += "approve".equals(verdict.outcome().wire()) ? 1 : 0;
			if ((i + 1) % 2000 == 0) {
				System.err.printf(Locale.ROOT, "safety test file: %d of %d judged (%.0f s)%n", i + 1, records.size(),
						(System.nanoTime() - started) / 1e9);
			}
		}
		System.out.printf(Locale.ROOT, "%nSafety test file (%d texts), each as a post of a persona without topics: flagged = a content check "
				+ "escalated or rejected it%n%n", records.size());
		System.out.printf(Locale.ROOT, "%-52s %-7s %5s | %-7s | %-8s | %-8s%n", "source", "label", "n", "flagged", "rejected", "approved");
		counts.forEach((source, byLabel) -> byLabel.forEach((label, c) -> System.out.printf(Locale.ROOT, "%-52s %-7s %5d | %-7s | %-8s | %-8s%n",
				source, label, c[0], rate(c[1], c[0]), rate(c[2], c[0]), rate(c[3], c[0]))));
		System.out.println("\nwhich content checks flagged them (texts per finding code; ! = rejected):");
		codes.forEach((group, byCode) -> System.out.printf(Locale.ROOT, "  %-60s %s%n", group, byCode));
		Map<String, long[]> davidson = counts.getOrDefault("t-davidson/hate-speech-and-offensive-language", Map.of());
		System.out.printf(Locale.ROOT, "%nsources in train and test (Davidson): hate flagged %s, insult flagged %s (targets >= 0.90), "
				+ "clean flagged %s (target <= 0.05)%n", flagged(davidson, "hate"), flagged(davidson, "insult"), flagged(davidson, "clean"));
		BASELINE.forEach((source, baseline) -> {
			Map<String, long[]> c = counts.getOrDefault(source, Map.of());
			String unsafe = c.containsKey("hate") ? "hate" : "insult";
			System.out.printf(Locale.ROOT, "%s: %s flagged %s at %s of clean (%s)%n", source, unsafe, flagged(c, unsafe), flagged(c, "clean"),
					baseline);
		});
	}

	private static boolean content(Finding finding) {
		return finding.severity() != Finding.Severity.NOTE && CONTENT_CODES.contains(finding.code());
	}

	private static String flagged(Map<String, long[]> byLabel, String label) {
		long[] c = byLabel.get(label);
		return c == null ? "-" : rate(c[1], c[0]);
	}

	private static String rate(long part, long whole) {
		return String.format(Locale.ROOT, "%.3f", whole == 0 ? 0 : (double) part / whole);
	}
}
