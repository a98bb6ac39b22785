package tech.aiqem.chimera.judge.core.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import tech.aiqem.chimera.judge.core.Draft;
import tech.aiqem.chimera.judge.core.Finding;
import tech.aiqem.chimera.model.ErrorCode;

/**
 * Profanity and slurs as words (profanity.txt), next to the classifier: a brand persona does not publish
 * profanity without a human's look, and never a slur. Explainable, and it catches the short, targeted
 * insults a classifier trained on longer texts scores low. Disguised words ("sh1t", "b i t c h", look-alike
 * letters) count too.
 */
public final class ProfanityCheck implements Check {

	private static final Pattern PROFANITY = pattern("profanity");

	private static final Pattern SLUR = pattern("slur");

	private static Pattern pattern(String kind) {
		String line = Resources.lines("profanity.txt").stream().filter(l -> l.startsWith(kind + ":")).findFirst().orElseThrow();
		List<String> words = new ArrayList<>();
		for (String word : line.substring(kind.length() + 1).split(",")) {
			words.add(Pattern.quote(word.strip().toLowerCase(Locale.ROOT)).replace(" ", "\\E\\s+\\Q"));
		}
		return Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + String.join("|", words) + ")(?:s|es|ing|ed|in)?(?![\\p{L}\\p{N}])",
				Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
	}

	@Override
	public List<Finding> check(Draft draft) {
		String text = draft.text();
		List<Finding> findings = new ArrayList<>();
		Disguised disguised = new Disguised(text);
		Disguised.Match slur = disguised.find(SLUR);
		if (slur != null) {
			findings.add(Finding.reject("slur", ErrorCode.E1006, "uses a slur (\"" + slur.words() + "\")", slur.span()));
		}
		Disguised.Match word = disguised.find(PROFANITY);
		if (word != null) {
			findings.add(Finding.escalate("profanity", ErrorCode.E1006, "uses profanity or an insult (\"" + word.words() + "\")", word.span()));
		}
		return findings;
	}
}
