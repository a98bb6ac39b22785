package tech.aiqem.chimera.judge.core.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tech.aiqem.chimera.judge.core.Draft;
import tech.aiqem.chimera.judge.core.Finding;
import tech.aiqem.chimera.model.DisclosureLevel;
import tech.aiqem.chimera.model.message.TaskOutput;

/**
 * Disclosure in the text itself. A sponsored post must open with "Ad", "#ad" or "Paid partnership" (the
 * FTC's "clear and conspicuous": at the start, not buried in hashtags); a post with a discount or affiliate
 * code and no such label goes to a human whatever the task said. A persona that discloses AI use must
 * not deny being one in the text, and when the result carries no disclosure field for the platform label,
 * the text must carry the AI label itself.
 */
public final class DisclosureCheck implements Check {

	private static final Pattern SPONSOR_OPENING = Pattern.compile(
			"^[\\s\\p{So}\\p{Sk}\\p{Cf}]*(#?ad\\b|#?sponsored\\b|paid partnership\\b|#?advertisement\\b)", Pattern.CASE_INSENSITIVE);

	private static final Pattern SPONSOR_ANYWHERE = Pattern.compile("(?i)(#ad\\b|#sponsored\\b|paid partnership|#partner\\b)");

	/** A discount or affiliate code: a paid promotion however the task was labelled. */
	private static final Pattern PROMOTION = Pattern.compile("(?i)\\b(?:use|with|enter|apply) (?:my |our )?(?:promo |discount |coupon )?code\\s+[\"'“]?(?-i:[A-Z0-9]{3,})\\b"
			+ "|\\b(?:promo|discount|coupon|affiliate) (?:code|link)\\b|\\b\\d{1,2} ?% off\\b");

	private static final Pattern AI_LABEL = Pattern.compile(
			"(?i)(#ai\\b|#aigenerated|#madewithai|\\bai[- ]generated\\b|\\bai[- ]assisted\\b|\\bai persona\\b|\\bvirtual influencer\\b|\\bautomated\\b|🤖)");

	private static final Pattern DENIES_AI = Pattern.compile(
			"(?i)(\\bi(?:'m| am) (?:not an? (?:ai|bot|robot)|(?:a )?real (?:person|human)|(?:100% )?human)\\b|\\bnot (?:written|made) by (?:an? )?ai\\b|\\bno ai (?:was )?used\\b|\\b100% human\\b)");

	@Override
	public List<Finding> check(Draft draft) {
		String text = draft.text();
		List<Finding> findings = new ArrayList<>();
		if (text.isBlank()) {
			return findings;
		}
		if (draft.sponsored() && !SPONSOR_OPENING.matcher(text).find()) {
			Matcher late = SPONSOR_ANYWHERE.matcher(text);
			findings.add(late.find()
					? Finding.escalate("disclosure_buried", null, "a sponsored post must open with \"Ad\" or \"Paid partnership\"; its "
							+ late.group() + " comes later", Finding.Span.of(text, late.start(), late.end()))
					: Finding.escalate("disclosure_missing", null,
							"a sponsored post must open with \"Ad\", \"#ad\" or \"Paid partnership\" and does not", null));
		}
		Matcher promotion = PROMOTION.matcher(text);
		if (!draft.sponsored() && promotion.find() && !SPONSOR_OPENING.matcher(text).find() && !SPONSOR_ANYWHERE.matcher(text).find()) {
			findings.add(Finding.escalate("promotion_undisclosed", null, "promotes with a code or discount (\"" + promotion.group()
					+ "\") but is not labelled as an ad", Finding.Span.of(text, promotion.start(), promotion.end())));
		}
		TaskOutput output = draft.result().result();
		DisclosureLevel wanted = draft.context().disclosureLevel() != null ? draft.context().disclosureLevel()
				: draft.persona().disclosure();
		if (wanted == DisclosureLevel.NONE) {
			return findings;
		}
		Matcher denial = DENIES_AI.matcher(text);
		if (denial.find()) {
			findings.add(Finding.reject("ai_denied", null, "the text denies being AI while the persona discloses AI use ("
					+ wanted.wire() + ")", Finding.Span.of(text, denial.start(), denial.end())));
		}
		if (output.disclosureLevel() == DisclosureLevel.NONE) {
			findings.add(Finding.reject("ai_label_removed", null,
					"the result removes the AI disclosure the persona requires (" + wanted.wire() + ")", null));
		}
		else if (output.disclosureLevel() == null && !AI_LABEL.matcher(text).find()) {
			findings.add(Finding.escalate("ai_label_missing", null, "the persona discloses AI use (" + wanted.wire()
					+ ") but neither the text nor the result's disclosure field carries the label", null));
		}
		return findings;
	}
}
