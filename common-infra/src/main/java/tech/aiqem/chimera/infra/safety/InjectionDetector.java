package tech.aiqem.chimera.infra.safety;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Flags prompt-injection attempts in third-party text (mentions, replies) before they reach a planner
 * or a worker, and again in the judge (E1003). Three signals, all in-process and pure:
 * <ol>
 * <li>weighted rules ({@link InjectionRules}) over normalised forms of the text ({@link Normaliser}: look-alike
 * letters, invisible characters, spacing and leetspeak undone);</li>
 * <li>text hidden in Unicode tag characters or in base64/hex/rot13 payloads, decoded and scanned too;</li>
 * <li>similarity to known attacks ({@link AttackSimilarity}), for paraphrases the rules miss.</li>
 * </ol>
 * A text scoring at or above {@link #THRESHOLD} is an attempt. Measured recall and false-positive rate
 * on the labelled corpus are in docs/security.md. Fast enough for every mention (about a millisecond a text).
 */
public final class InjectionDetector {

	public static final double THRESHOLD = 0.5;

	/** Texts longer than this are scanned in their first part only; mentions and posts are far shorter. */
	static final int MAX_SCANNED = 20_000;

	static final double SIMILAR = 0.62;

	static final double VERY_SIMILAR = 0.75;

	private InjectionDetector() {
	}

	public static Verdict scan(String text) {
		if (text == null || text.isBlank()) {
			return new Verdict(false, 0, List.of());
		}
		String scanned = text.length() > MAX_SCANNED ? text.substring(0, MAX_SCANNED) : text;
		Map<String, Double> fired = new LinkedHashMap<>();
		rules(Normaliser.variants(scanned), fired, "");
		String hidden = Normaliser.hiddenText(scanned);
		if (!hidden.isBlank()) {
			fired.put("hidden-text", 0.5);
			rules(Normaliser.variants(hidden), fired, "hidden:");
		}
		for (String payload : Normaliser.decodedPayloads(scanned)) {
			rules(Normaliser.variants(payload), fired, "encoded:");
		}
		double similarity = AttackSimilarity.SEEDS.closest(Normaliser.latin(scanned));
		if (similarity >= VERY_SIMILAR) {
			fired.put("similar-to-known-attack", 0.5);
		}
		else if (similarity >= SIMILAR) {
			fired.put("similar-to-known-attack", 0.3);
		}
		double score = Math.min(1.0, fired.values().stream().mapToDouble(Double::doubleValue).sum());
		return new Verdict(score >= THRESHOLD, Math.round(score * 100) / 100.0, List.copyOf(fired.keySet()));
	}

	/** Adds each family that fires on any variant once, at its highest weight. */
	private static void rules(Set<String> variants, Map<String, Double> fired, String prefix) {
		for (InjectionRules.Rule rule : InjectionRules.RULES) {
			String name = prefix + rule.family();
			if (fired.getOrDefault(name, 0.0) >= rule.weight()) {
				continue;
			}
			for (String variant : variants) {
				if (rule.pattern().matcher(variant).find()) {
					fired.put(name, rule.weight());
					break;
				}
			}
		}
	}

	/** Whether the text is an injection attempt, how strongly (0..1), and which rule families fired. */
	public record Verdict(boolean injection, double score, List<String> reasons) {
	}
}
