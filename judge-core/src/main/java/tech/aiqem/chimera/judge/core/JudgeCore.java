package tech.aiqem.chimera.judge.core;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import tech.aiqem.chimera.judge.core.checks.BrandCheck;
import tech.aiqem.chimera.judge.core.checks.Check;
import tech.aiqem.chimera.judge.core.checks.ClaimCheck;
import tech.aiqem.chimera.judge.core.checks.DisclosureCheck;
import tech.aiqem.chimera.judge.core.checks.HarmCheck;
import tech.aiqem.chimera.judge.core.checks.PersonaBreakCheck;
import tech.aiqem.chimera.judge.core.checks.PrivateDataCheck;
import tech.aiqem.chimera.judge.core.checks.ProfanityCheck;
import tech.aiqem.chimera.judge.core.checks.SentenceEncoder;
import tech.aiqem.chimera.judge.core.checks.SpamCheck;
import tech.aiqem.chimera.judge.core.checks.ToolCallVerifier;
import tech.aiqem.chimera.judge.core.checks.TopicCheck;
import tech.aiqem.chimera.judge.core.checks.ToxicityCheck;
import tech.aiqem.chimera.judge.core.checks.ToxicityClassifier;
import tech.aiqem.chimera.model.TaskType;

/**
 * The judge's deterministic review of a draft, the one code path behind the judge service and the
 * preview endpoint: every check's findings, and the offline judge's score. The score comes only from the
 * findings and the persona match: 0.95 for a post on one of the persona's topics, 0.85 for one that is on
 * none of them (a human sees it below the 0.90 threshold), 0.05 less per penalty, at most 0.75 when a
 * finding escalates and 0.20 when one rejects.
 */
public final class JudgeCore {

	static final BigDecimal ON_PERSONA = new BigDecimal("0.95");

	static final BigDecimal OFF_PERSONA = new BigDecimal("0.85");

	static final BigDecimal PENALTY = new BigDecimal("0.05");

	static final BigDecimal ESCALATED_AT_MOST = new BigDecimal("0.75");

	static final BigDecimal REJECTED_AT_MOST = new BigDecimal("0.20");

	private final TopicCheck topics;

	private final List<Check> checks;

	/**
	 * @param encoder sentence embeddings for topics by meaning (null: by words only)
	 * @param toxicity the content-safety classifier (null: every text goes to a human)
	 * @param verifier where evidence of tool calls comes from
	 */
	public JudgeCore(SentenceEncoder encoder, ToxicityClassifier toxicity, ToolCallVerifier verifier) {
		this.topics = new TopicCheck(encoder);
		this.checks = List.of(this.topics, new BrandCheck(), new DisclosureCheck(), new ClaimCheck(verifier),
				new PrivateDataCheck(), new ToxicityCheck(toxicity), new ProfanityCheck(), new HarmCheck(), new PersonaBreakCheck(), new SpamCheck());
	}

	/** Findings and the offline judge's score of a draft. */
	public record Assessment(List<Finding> findings, TopicCheck.TopicMatch match, BigDecimal score) {

		public Assessment {
			findings = List.copyOf(findings);
		}

		public boolean rejects() {
			return this.findings.stream().anyMatch(f -> f.severity() == Finding.Severity.REJECT);
		}
	}

	public Assessment assess(Draft draft) {
		List<Finding> findings = new ArrayList<>(ResultChecks.run(draft));
		TopicCheck.TopicMatch match = new TopicCheck.TopicMatch(null, 0, false);
		if (draft.type() != TaskType.EXECUTE_TRANSACTION && !draft.text().isBlank()) {
			for (Check check : this.checks) {
				findings.addAll(check.check(draft));
			}
			match = this.topics.match(draft.text(), draft.persona());
			if (!match.onTopic() && !draft.persona().topics().isEmpty()) {
				findings.add(Finding.note("off_persona", "on none of the persona's topics (closest: '" + match.topic()
						+ "', similarity " + String.format(Locale.ROOT, "%.2f", match.similarity()) + ")"));
			}
		}
		return new Assessment(findings, match, score(findings, match, draft));
	}

	/**
	 * The offline judge's whole decision on a draft: what the judge service decides when its model is the
	 * offline one, and what the preview endpoint answers.
	 */
	public Verdict decide(Draft draft, BigDecimal threshold, boolean autoApprove) {
		Assessment assessment = assess(draft);
		boolean requiresHuman = draft.type() == TaskType.EXECUTE_TRANSACTION && draft.context().fromThirdParty();
		return Verdict.decide(draft.result().confidenceScore(), assessment.score(),
				"offline judge: decided from the findings and the persona match", assessment.findings(), threshold, autoApprove,
				requiresHuman);
	}

	static BigDecimal score(List<Finding> findings, TopicCheck.TopicMatch match, Draft draft) {
		boolean onPersona = match.onTopic() || draft.persona().topics().isEmpty() || draft.type() == TaskType.EXECUTE_TRANSACTION;
		BigDecimal score = onPersona ? ON_PERSONA : OFF_PERSONA;
		long penalties = findings.stream().filter(f -> f.severity() == Finding.Severity.PENALTY).count();
		score = score.subtract(PENALTY.multiply(BigDecimal.valueOf(penalties)));
		if (findings.stream().anyMatch(f -> f.severity() == Finding.Severity.ESCALATE)) {
			score = score.min(ESCALATED_AT_MOST);
		}
		if (findings.stream().anyMatch(f -> f.severity() == Finding.Severity.REJECT)) {
			score = score.min(REJECTED_AT_MOST);
		}
		return score.max(BigDecimal.ZERO).setScale(2, RoundingMode.HALF_UP);
	}
}
