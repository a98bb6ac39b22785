package tech.aiqem.chimera.infra.safety;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Flags prompt-injection attempts in third-party text (mentions, replies) before they reach a planner
 * or a worker, and again in the judge (E1003). Rules with weights over normalised text (case, accents,
 * look-alike spacing and leetspeak folded); a text scoring at or above the threshold is an attempt.
 * Pure and fast: it runs on every mention.
 */
public final class InjectionDetector {

	public static final double THRESHOLD = 0.5;

	private static final List<Rule> RULES = List.of(
			rule(0.7, "override", "\\b(ignore|disregard|forget|override|bypass)\\b.{0,40}\\b(previous|prior|above|earlier|all|your|the|any)\\b.{0,30}\\b(instructions?|rules?|prompts?|guidelines|directions|programming|constraints)\\b"),
			rule(0.6, "new-instructions", "\\b(new|updated|real|actual|secret|hidden)\\s+(instructions?|rules?|orders|task|directive)\\b"),
			rule(0.6, "role-change", "\\b(you are now|from now on you|act as|pretend (to be|you are)|roleplay as|you must now|switch to)\\b"),
			rule(0.7, "system-prompt", "\\b(system prompt|system message|developer (mode|message)|jailbreak|do anything now|\\bdan\\b mode|prompt injection)\\b"),
			rule(0.6, "exfiltrate", "\\b(reveal|print|show|repeat|leak|output|tell me)\\b.{0,30}\\b(system prompt|instructions|api key|private key|seed phrase|password|secret|credentials|wallet key)\\b"),
			rule(0.6, "payment", "\\b(send|transfer|pay|wire|give|airdrop)\\b.{0,30}\\b(\\d+(\\.\\d+)?\\s*)?(usdc|usd|eth|btc|crypto|money|funds|tokens?|dollars|\\$)"),
			rule(0.5, "wallet-address", "\\b0x[a-f0-9]{40}\\b"),
			rule(0.4, "urgent-command", "\\b(immediately|right now|urgent|asap)\\b.{0,40}\\b(post|tweet|send|transfer|delete|publish)\\b"),
			rule(0.5, "post-this", "\\b(post|tweet|publish|share|retweet)\\b\\s+(this|the following|exactly|verbatim)\\b"),
			rule(0.4, "fake-authority", "\\b(admin|administrator|developer|openai|anthropic|your (owner|operator|creator|boss))\\b.{0,40}\\b(says|said|here|requires|orders|authori[sz]ed|instructs?)\\b"),
			rule(0.5, "markup", "(</?\\s*(system|assistant|instructions?|untrusted_data)\\s*>|\\[\\s*(system|inst)\\s*\\]|###\\s*(system|instruction))"),
			rule(0.3, "encoded", "\\b(base64|rot13|decode this|hex encoded)\\b"));

	private InjectionDetector() {
	}

	public static Verdict scan(String text) {
		if (text == null || text.isBlank()) {
			return new Verdict(false, 0, List.of());
		}
		String normal = normalise(text);
		double score = 0;
		List<String> reasons = new ArrayList<>();
		for (Rule rule : RULES) {
			if (rule.pattern().matcher(normal).find()) {
				score += rule.weight();
				reasons.add(rule.name());
			}
		}
		score = Math.min(1.0, score);
		return new Verdict(score >= THRESHOLD, Math.round(score * 100) / 100.0, List.copyOf(reasons));
	}

	static String normalise(String text) {
		String folded = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
		folded = folded.replace('0', 'o').replace('1', 'i').replace('3', 'e').replace('4', 'a').replace('5', 's').replace('7', 't').replace('@', 'a');
		// Keep wallet addresses readable after the digit folding above.
		folded = text.toLowerCase(Locale.ROOT).matches("(?s).*0x[a-f0-9]{40}.*") ? folded + " " + extractAddresses(text) : folded;
		return folded.replaceAll("[\\u200b-\\u200f\\u2060\\ufeff]", "").replaceAll("[_*~`|]+", " ").replaceAll("\\s+", " ");
	}

	private static String extractAddresses(String text) {
		StringBuilder out = new StringBuilder();
		var matcher = Pattern.compile("0x[a-fA-F0-9]{40}").matcher(text);
		while (matcher.find()) {
			out.append(matcher.group().toLowerCase(Locale.ROOT)).append(' ');
		}
		return out.toString();
	}

	private static Rule rule(double weight, String name, String regex) {
		return new Rule(weight, name, Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.DOTALL));
	}

	private record Rule(double weight, String name, Pattern pattern) {
	}

	/** Whether the text is an injection attempt, how strongly, and which rules fired. */
	public record Verdict(boolean injection, double score, List<String> reasons) {
	}
}
