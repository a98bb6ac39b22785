package tech.aiqem.chimera.judge.core.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import tech.aiqem.chimera.judge.core.Draft;
import tech.aiqem.chimera.judge.core.Finding;
import tech.aiqem.chimera.model.ErrorCode;

/**
 * Harms the content classifier was not trained on (its data are hate, insults and offensive tweets), as
 * phrases: telling someone to hurt themselves (rejected), threats of violence, sexual content, medical
 * claims that turn readers away from treatment, and sweeping statements that a group of people is a
 * plague (each to a human). Read in the text as written and as a reader sees it (look-alikes folded,
 * leetspeak read back), so "k1ll yourself" counts.
 */
public final class HarmCheck implements Check {

	private static final String PEOPLE = "(?:you|u|him|her|them|anyone|anybody|everyone|everybody|every \\w+|all (?:of )?(?:you|them|\\w+s)|y'?all|ya)";

	private static final Pattern SELF_HARM = Pattern.compile("(?i)\\b(?<!(?:don.t|do not|never)(?: ever)? )(?:kill|hang|shoot) (?:yo)?urself\\b|\\bkys\\b|\\bgo (?:and )?die\\b"
			+ "|\\bend your (?:own )?life\\b|\\bslit your wrists?\\b|\\bdrink (?:some )?bleach\\b|\\bunalive (?:yo)?urself\\b"
			+ "|\\b(?:you|u) should (?:just )?(?:die|kill (?:yo)?urself)\\b|\\bjump off (?:a|the) (?:bridge|building|cliff|roof)\\b");

	private static final Pattern THREAT = Pattern.compile("(?i)\\b(?:i'?ll|i will|i'?m (?:gonna|going to)|gonna|going to|i'?d|we'?ll|we will) "
			+ "(?:\\w+ )?(?:kill|shoot|stab|murder|beat up|hurt|rape|strangle|choke|hunt down|bomb|execute|lynch) " + PEOPLE + "\\b"
			+ "|\\b(?:should|deserves? to|needs? to|ought to) (?:all )?(?:be )?(?:shot|killed|hanged|hung|lynched|executed|gassed|burned|exterminated)\\b"
			+ "|\\b(?:kill|shoot|hang|lynch|gas|exterminate|execute|deport) (?:them all|all of them|every (?:last )?(?:one|\\w+))\\b"
			+ "|\\bdeath to\\b|\\bput a bullet in\\b");

	private static final Pattern SEXUAL = Pattern.compile("(?i)\\b(?:get|got|getting|gets) naked\\b|\\bnudes?\\b|\\bporn\\w*\\b|\\bxxx\\b|\\bsex ?tapes?\\b"
			+ "|\\bonlyfans\\b|\\bnsfw\\b|\\bhorny\\b|\\b(?:blow|hand)jobs?\\b|\\bnaked (?:pics?|photos?|girls?|ladies|women|men)\\b");

	private static final Pattern MEDICAL = Pattern.compile("(?i)\\bcures? (?:cancer|diabetes|covid|autism|hiv|aids|depression|alzheimer'?s)\\b"
			+ "|\\bskip (?:the |your )?(?:chemo\\w*|vaccines?|vaccinations?|meds|medications?|treatment|insulin)\\b"
			+ "|\\b(?:stop|quit) taking (?:your )?(?:meds|medications?|insulin|antidepressants)\\b|\\bvaccines? causes? autism\\b"
			+ "|\\bdon'?t (?:vaccinate|get vaccinated|see a doctor)\\b");

	private static final String GROUPS = "(?:immigrants|migrants|refugees|foreigners|muslims|jews|christians|hindus|blacks|whites|asians|mexicans|arabs"
			+ "|africans|gays|lesbians|trans (?:people|women|men)|women|men|feminists|liberals|conservatives|the poor|disabled people)";

	private static final Pattern SWEEPING = Pattern.compile("(?i)\\b(?:all )?" + GROUPS + " (?:are|r) (?:all )?(?:ruining|destroying|invading|taking over|poisoning"
			+ "|a (?:disease|plague|cancer|virus)|vermin|animals|parasites|criminals|rapists|terrorists|subhuman|inferior|the problem|scum|filth|trash)\\b");

	@Override
	public List<Finding> check(Draft draft) {
		String text = draft.text();
		List<Finding> findings = new ArrayList<>();
		if (text.isBlank()) {
			return findings;
		}
		Disguised disguised = new Disguised(text);
		add(findings, disguised, SELF_HARM, true, "self_harm", "tells someone to hurt themselves");
		add(findings, disguised, THREAT, false, "threat", "threatens or calls for violence");
		add(findings, disguised, SEXUAL, false, "sexual", "is sexual");
		add(findings, disguised, MEDICAL, false, "medical_claim", "makes a medical claim that could turn readers from treatment");
		add(findings, disguised, SWEEPING, false, "group_generalisation", "says a group of people is a plague");
		return findings;
	}

	private static void add(List<Finding> findings, Disguised text, Pattern pattern, boolean reject, String code, String what) {
		Disguised.Match match = text.find(pattern);
		if (match != null) {
			String detail = what + " (\"" + match.words() + "\")";
			findings.add(reject ? Finding.reject(code, ErrorCode.E1006, detail, match.span())
					: Finding.escalate(code, ErrorCode.E1006, detail, match.span()));
		}
	}
}
