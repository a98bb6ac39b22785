package tech.aiqem.chimera.judge.core;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import tech.aiqem.chimera.judge.core.checks.ToolCallVerifier;
import tech.aiqem.chimera.judge.core.checks.ToxicityClassifier;

import static org.assertj.core.api.Assertions.assertThat;

/** The offline judge decides from the findings and the persona match only, deterministically. */
class JudgeCoreUnitTests {

	private static final ToxicityClassifier CLEAN = text -> new ToxicityClassifier.ToxicityScore(0.01, 0.02, 0.02, false, "clean", List.of());

	private final JudgeCore judge = new JudgeCore(null, CLEAN, ToolCallVerifier.DECLARED);

	private static final BigDecimal THRESHOLD = new BigDecimal("0.90");

	@Test
	void aCleanOnPersonaPostIsApprovedTheSameWayEveryTime() {
		Draft draft = Drafts.post("Weekend look: a hand-woven Habesha kemis with gold tibeb borders");
		Verdict first = this.judge.decide(draft, THRESHOLD, true);
		assertThat(first.outcome()).isEqualTo(Verdict.Outcome.APPROVE);
		assertThat(first.confidence()).isEqualByComparingTo("0.95");
		for (int i = 0; i < 5; i++) {
			Draft again = Drafts.post("Weekend look: a hand-woven Habesha kemis with gold tibeb borders");
			assertThat(this.judge.decide(again, THRESHOLD, true)).isEqualTo(first);
		}
	}

	@Test
	void anOffPersonaPostGoesToAHumanWithANoteSayingWhy() {
		Verdict verdict = this.judge.decide(Drafts.post("The quarterly earnings call went long today"), THRESHOLD, true);
		assertThat(verdict.outcome()).isEqualTo(Verdict.Outcome.HUMAN_REVIEW);
		assertThat(verdict.confidence()).isEqualByComparingTo("0.85");
		assertThat(verdict.findings()).anySatisfy(f -> assertThat(f.code()).isEqualTo("off_persona"));
	}

	@Test
	void theWorkersConfidenceCanLowerTheScoreButNeverRaiseIt() {
		Draft draft = Drafts.post("A Habesha kemis for every season");
		Draft unsure = new Draft(draft.type(), draft.context(), withConfidence(draft, "0.60"), draft.persona(), draft.blocklist(),
				draft.allowedLinkHosts());
		assertThat(this.judge.decide(unsure, THRESHOLD, true).confidence()).isEqualByComparingTo("0.60");
		Draft offTopic = Drafts.post("The quarterly earnings call went long today");
		Draft sure = new Draft(offTopic.type(), offTopic.context(), withConfidence(offTopic, "1.00"), offTopic.persona(),
				offTopic.blocklist(), offTopic.allowedLinkHosts());
		assertThat(this.judge.decide(sure, THRESHOLD, true).confidence()).isEqualByComparingTo("0.85");
	}

	@Test
	void findingsCapTheConfidenceAndDecide() {
		Verdict brand = this.judge.decide(Drafts.post("My Habesha kemis, styled with a Shein belt"), THRESHOLD, true);
		assertThat(brand.outcome()).isEqualTo(Verdict.Outcome.HUMAN_REVIEW);
		assertThat(brand.confidence()).isEqualByComparingTo("0.75");
		Verdict phone = this.judge.decide(Drafts.post("My Habesha kemis, order on +44 7400 123456"), THRESHOLD, true);
		assertThat(phone.outcome()).isEqualTo(Verdict.Outcome.REJECT);
		assertThat(phone.confidence()).isEqualByComparingTo("0.20");
		assertThat(phone.reasoning()).contains("phone number");
	}

	@Test
	void whatTheJudgeCannotCheckGoesToAHuman() {
		JudgeCore blind = new JudgeCore(null, null, ToolCallVerifier.DECLARED);
		Verdict verdict = blind.decide(Drafts.post("A Habesha kemis for every season"), THRESHOLD, true);
		assertThat(verdict.outcome()).isEqualTo(Verdict.Outcome.HUMAN_REVIEW);
		assertThat(verdict.findings()).anySatisfy(f -> assertThat(f.code()).isEqualTo("safety_unchecked"));
		assertThat(this.judge.decide(Drafts.post("A Habesha kemis for every season"), THRESHOLD, false).outcome())
			.as("auto-approval off").isEqualTo(Verdict.Outcome.HUMAN_REVIEW);
	}

	private static tech.aiqem.chimera.model.message.ResultMessage withConfidence(Draft draft, String confidence) {
		var r = draft.result();
		return new tech.aiqem.chimera.model.message.ResultMessage(r.taskId(), r.agentId(), r.result(), new BigDecimal(confidence),
				r.reasoningTrace(), r.toolCalls(), r.completedAt(), r.workerId(), r.pickedAt(), null, null, null);
	}
}
