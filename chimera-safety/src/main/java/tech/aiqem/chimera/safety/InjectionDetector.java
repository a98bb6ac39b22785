package tech.aiqem.chimera.safety;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Flags prompt-injection and jailbreak attempts in third-party text (mentions, tool outputs, memories,
 * worker outputs) before it reaches a prompt or a publication (E1003). Two families, fused:
 * <ol>
 * <li>the learned head ({@link LearnedHead}, trained by {@code TrainInjection} on the public training set)
 * over all-MiniLM-L6-v2 (int8) sentence embeddings and hashed character n-grams of the normalised text;</li>
 * <li>the explainable rules ({@link RuleScan}): weighted patterns over normalised forms, hidden and encoded
 * payloads decoded, similarity to known attacks.</li>
 * </ol>
 * The fusion (a logistic combination of the two, in which a rule can only raise the score) and its
 * threshold are fitted on a validation split of the training data; rules scoring at or above the fitted
 * override level (strong, specific rules) flag a text on their own. One instance per JVM ({@link #shared()}), thread-safe; without the trained resource it
 * falls back to the rules alone.
 */
public final class InjectionDetector {

	static final String HEAD_RESOURCE = "injection-head.json";

	/** Threshold for the rules alone (no trained head on the class path). */
	static final double RULES_THRESHOLD = 0.5;

	private static volatile InjectionDetector shared;

	private final LearnedHead head;

	InjectionDetector(LearnedHead head) {
		this.head = head;
	}

	/** The JVM's detector; the model and the head load on the first call. */
	public static InjectionDetector shared() {
		InjectionDetector instance = shared;
		if (instance == null) {
			synchronized (InjectionDetector.class) {
				instance = shared;
				if (instance == null) {
					instance = new InjectionDetector(LearnedHead.load(HEAD_RESOURCE));
					shared = instance;
				}
			}
		}
		return instance;
	}

	public InjectionScan scan(String text) {
		if (text == null || text.isBlank()) {
			return new InjectionScan(false, 0, List.of());
		}
		// one reading of the text for both families (the rules read it as their window when the text is short)
		String reading = Normaliser.reading(text);
		RuleScan.Result rules = RuleScan.scan(text, reading);
		List<String> reasons = new ArrayList<>();
		rules.families().forEach(family -> reasons.add("rule: " + family));
		if (this.head == null) {
			return new InjectionScan(rules.score() >= RULES_THRESHOLD, round(rules.score()), reasons);
		}
		double logit = this.head.logitsOfReading(reading)[0];
		String where = "";
		for (String payload : rules.hiddenOrDecoded()) {
			double decoded = this.head.logits(payload)[0];
			if (decoded > logit) {
				logit = decoded;
				where = " (hidden or encoded text)";
			}
		}
		double learned = this.head.calibrated(logit);
		double fused = this.head.fuse(logit, rules.score());
		reasons.add(0, String.format(Locale.ROOT, "classifier %.2f%s", learned, where));
		boolean byRules = rules.score() >= this.head.ruleOverride() - 1e-9;
		if (byRules) {
			reasons.add(String.format(Locale.ROOT, "rules %.2f flag on their own", rules.score()));
		}
		// flagged by the rules alone: the score says how strongly they fired, so it never reads as "clean"
		double score = byRules ? Math.max(fused, rules.score()) : fused;
		return new InjectionScan(fused >= this.head.threshold() || byRules, round(score), reasons);
	}

	private static double round(double score) {
		return Math.round(score * 1000) / 1000.0;
	}
}
