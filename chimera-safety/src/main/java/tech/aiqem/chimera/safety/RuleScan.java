package tech.aiqem.chimera.safety;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The explainable family of the injection detector: weighted rules ({@link InjectionRules}) over the
 * normalised forms of a text ({@link Normaliser}), text hidden in Unicode tag characters, payloads in
 * base64, hex or rot13 decoded and scanned again, and character n-gram similarity to known attacks
 * ({@link AttackSimilarity}). The whole text is read, in overlapping windows, however long it is.
 */
final class RuleScan {

	/** Window length and overlap: long enough for any rule's span, overlapping so no phrase is cut. */
	static final int WINDOW = 4_000;

	static final int OVERLAP = 400;

	static final double SIMILAR = 0.62;

	static final double VERY_SIMILAR = 0.75;

	private RuleScan() {
	}

	/** Score in [0, 1] (the capped sum of the families' weights) and the names of the families that fired. */
	static Result scan(String text) {
		return scan(text, null);
	}

	/**
	 * As {@link #scan(String)}, given the text's {@link Normaliser#latin} form when the caller has it already
	 * (it is the form of the only window of a text up to {@link #WINDOW} characters).
	 */
	static Result scan(String text, String latinOfText) {
		if (text == null || text.isBlank()) {
			return new Result(0, List.of(), List.of());
		}
		Map<String, Double> fired = new LinkedHashMap<>();
		List<String> hiddenOrDecoded = new java.util.ArrayList<>();
		double similarity = 0;
		List<String> windows = windows(text);
		for (String window : windows) {
			String latin = windows.size() == 1 && latinOfText != null ? latinOfText : Normaliser.latin(window);
			rules(Normaliser.variants(Normaliser.base(window), latin), fired, "");
			String hidden = Payloads.hiddenText(window);
			if (!hidden.isBlank()) {
				fired.put("hidden-text", 0.5);
				rules(Normaliser.variants(hidden), fired, "hidden:");
				hiddenOrDecoded.add(hidden);
			}
			for (String payload : Payloads.decodedPayloads(window)) {
				rules(Normaliser.variants(payload), fired, "encoded:");
				hiddenOrDecoded.add(payload);
			}
			similarity = Math.max(similarity, AttackSimilarity.SEEDS.closest(latin));
		}
		if (similarity >= VERY_SIMILAR) {
			fired.put("similar-to-known-attack", 0.5);
		}
		else if (similarity >= SIMILAR) {
			fired.put("similar-to-known-attack", 0.3);
		}
		double score = Math.min(1.0, fired.values().stream().mapToDouble(Double::doubleValue).sum());
		return new Result(score, List.copyOf(fired.keySet()), List.copyOf(hiddenOrDecoded));
	}

	/** Overlapping windows covering the whole text (one window for anything short). */
	static List<String> windows(String text) {
		if (text.length() <= WINDOW) {
			return List.of(text);
		}
		java.util.ArrayList<String> windows = new java.util.ArrayList<>();
		for (int start = 0; start < text.length(); start += WINDOW - OVERLAP) {
			windows.add(text.substring(start, Math.min(text.length(), start + WINDOW)));
			if (start + WINDOW >= text.length()) {
				break;
			}
		}
		return windows;
	}

	/**
	 * Adds each family that fires on any variant once, at its highest weight. A rule whose leading words a
	 * variant does not contain is not run on it ({@link RuleKeywords}).
	 */
	private static void rules(Set<String> variants, Map<String, Double> fired, String prefix) {
		List<String> forms = List.copyOf(variants);
		boolean[][] candidates = new boolean[forms.size()][];
		for (int r = 0; r < InjectionRules.RULES.size(); r++) {
			InjectionRules.Rule rule = InjectionRules.RULES.get(r);
			String name = prefix + rule.family();
			if (fired.getOrDefault(name, 0.0) >= rule.weight()) {
				continue;
			}
			for (int v = 0; v < forms.size(); v++) {
				if (candidates[v] == null) {
					candidates[v] = RuleKeywords.RULES.candidates(forms.get(v));
				}
				if (candidates[v][r] && rule.pattern().matcher(forms.get(v)).find()) {
					fired.put(name, rule.weight());
					break;
				}
			}
		}
	}

	/** The rule score, the families that fired, and the text found hidden or encoded (for the learned head too). */
	record Result(double score, List<String> families, List<String> hiddenOrDecoded) {
	}
}
