package tech.aiqem.chimera.safety;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rule is skipped only when a text cannot match it: its leading words are read correctly from its pattern,
 * and on every text of the injection files (in every form the rules read) each match of a rule starts with
 * one of them.
 */
class RuleKeywordsUnitTests {

	@Test
	void leadingWordsAreReadFromThePattern() {
		assertThat(RuleKeywords.keywords("\\b(ignore|disregard|forget)\\s+(all|the)")).containsExactly("ignore", "disregard", "forget");
		assertThat(RuleKeywords.keywords("\\byou owe me\\b")).containsExactly("you owe me");
		assertThat(RuleKeywords.keywords("\\b(jailbr(eak|oken)|never refuses?|all (of )?your)")).containsExactly("jailbr", "never refuse", "all ");
		assertThat(RuleKeywords.keywords("\\b(new|real) (rules?)\\b|\\byour (new|real)|\\bnew rule:")).containsExactly("new", "real", "your ", "new rule:");
		assertThat(RuleKeywords.keywords("(</?\\s*(system)|\\[\\s*/?(inst)\\]|###\\s*x|<!--.{0,80})")).containsExactly("<", "[", "###", "<!--");
		assertThat(RuleKeywords.keywords("\\b0x[a-f0-9]{40}\\b")).containsExactly("0x");
		// cannot be told: an optional leading group, a lookbehind, a character class, an empty alternative
		assertThat(RuleKeywords.keywords("(a|b)?c")).isNull();
		assertThat(RuleKeywords.keywords("\\b(?<!not )kill")).isNull();
		assertThat(RuleKeywords.keywords("abc|[xy]z")).isNull();
		assertThat(RuleKeywords.keywords("\\b(a|)b")).isNull();
		assertThat(RuleKeywords.literal("ab?c")).isEqualTo("a");
		assertThat(RuleKeywords.literal("ab+c")).isEqualTo("ab");
		assertThat(RuleKeywords.literal("a\\.b\\sc")).isEqualTo("a.b");
	}

	@Test
	void everyMatchOfARuleStartsWithOneOfItsWords() {
		int withWords = 0;
		for (int r = 0; r < InjectionRules.RULES.size(); r++) {
			withWords += RuleKeywords.RULES.of(r) == null ? 0 : 1;
		}
		assertThat(withWords).as("rules with leading words").isGreaterThanOrEqualTo(InjectionRules.RULES.size() - 2);
		List<Datasets.Example> texts = new ArrayList<>(Datasets.read("injection", "train"));
		texts.addAll(Datasets.read("injection", "test"));
		int matches = 0;
		for (Datasets.Example example : texts) {
			for (String window : RuleScan.windows(example.text())) {
				List<String> forms = new ArrayList<>(Normaliser.variants(Normaliser.base(window), Normaliser.latin(window)));
				for (String payload : Payloads.decodedPayloads(window)) {
					forms.addAll(Normaliser.variants(payload));
				}
				for (String form : forms) {
					boolean[] candidates = RuleKeywords.RULES.candidates(form);
					for (int r = 0; r < InjectionRules.RULES.size(); r++) {
						Matcher m = InjectionRules.RULES.get(r).pattern().matcher(form);
						if (!m.find()) {
							continue;
						}
						matches++;
						Set<String> words = RuleKeywords.RULES.of(r);
						assertThat(candidates[r]).as("rule %d on %s", r, form).isTrue();
						if (words != null) {
							int start = m.start();
							assertThat(words.stream().anyMatch(w -> form.startsWith(w, start))).as("rule %d at %d of %s", r, start, form).isTrue();
						}
					}
				}
			}
		}
		assertThat(matches).isGreaterThan(1000);
	}
}
