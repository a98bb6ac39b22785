package tech.aiqem.chimera.judge.core;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import tech.aiqem.chimera.model.ErrorCode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The judge's decision alone: scores, findings and policy in, an outcome with its code and reasons out. */
class VerdictUnitTests {

	private static final BigDecimal THRESHOLD = new BigDecimal("0.70");

	@Test
	void aConfidentResultWithNothingToEscalateIsApprovedWithoutACode() {
		Verdict verdict = decide("0.95", "0.90", List.of());
		assertThat(verdict.outcome()).isEqualTo(Verdict.Outcome.APPROVE);
		assertThat(verdict.code()).isNull();
		assertThat(verdict.confidence()).isEqualByComparingTo("0.90");
		assertThat(verdict.reasoning()).isEqualTo("worker 0.95, judge 0.90 → 0.90");
	}

	@Test
	void theConfidenceIsTheLowerScoreRoundedToTwoDecimals() {
		assertThat(decide("0.955", "0.99", List.of()).confidence()).isEqualByComparingTo("0.96")
			.extracting(BigDecimal::scale).isEqualTo(2);
		assertThat(decide("0.99", "0.704", List.of()).confidence()).isEqualByComparingTo("0.70");
	}

	@Test
	void theWorkersConfidenceCanLowerTheJudgesScoreButNeverRaiseIt() {
		Verdict lowered = decide("0.40", "0.95", List.of());
		assertThat(lowered.confidence()).isEqualByComparingTo("0.40");
		assertThat(lowered.outcome()).isEqualTo(Verdict.Outcome.HUMAN_REVIEW);
		assertThat(decide("1.00", "0.50", List.of()).confidence()).isEqualByComparingTo("0.50");
	}

	@Test
	void aResultWithoutAWorkerConfidenceCountsAsZeroAndGoesToAHuman() {
		Verdict verdict = Verdict.decide(null, new BigDecimal("0.99"), null, List.of(), THRESHOLD, true, false);
		assertThat(verdict.confidence()).isEqualByComparingTo("0");
		assertThat(verdict.outcome()).isEqualTo(Verdict.Outcome.HUMAN_REVIEW);
		assertThat(verdict.reasoning()).startsWith("confidence 0.00 below 0.70: worker 0, judge 0.99");
	}

	@Test
	void aNegativeScoreIsHeldAtZero() {
		assertThat(decide("0.90", "-0.30", List.of()).confidence()).isEqualByComparingTo("0");
	}

	@Test
	void theThresholdItselfIsConfidentEnoughAndJustBelowItIsNot() {
		assertThat(decide("0.70", "0.90", List.of()).outcome()).isEqualTo(Verdict.Outcome.APPROVE);
		Verdict below = decide("0.69", "0.90", List.of());
		assertThat(below.outcome()).isEqualTo(Verdict.Outcome.HUMAN_REVIEW);
		assertThat(below.code()).as("low confidence alone carries no error code").isNull();
		assertThat(below.reasoning()).startsWith("confidence 0.69 below 0.70: ");
	}

	@Test
	void aRejectingFindingRejectsWhateverTheScoresWithItsCodeAndDetailFirst() {
		Finding phone = Finding.reject("contact_details", ErrorCode.E1006, "shares a phone number", null);
		Finding brand = Finding.escalate("unapproved_brand", ErrorCode.E1003, "names an unapproved brand", null);
		Verdict verdict = decide("1.00", "1.00", List.of(brand, phone));
		assertThat(verdict.outcome()).isEqualTo(Verdict.Outcome.REJECT);
		assertThat(verdict.code()).isEqualTo(ErrorCode.E1006);
		assertThat(verdict.reasoning()).startsWith("shares a phone number (worker 1.00, judge 1.00 → 1.00; ")
			.contains("names an unapproved brand");
		assertThat(verdict.findings()).containsExactly(brand, phone);
	}

	@Test
	void theFirstRejectingFindingDecidesTheCode() {
		Verdict verdict = decide("0.90", "0.90", List.of(Finding.reject("injection", ErrorCode.E1003, "injection", null),
				Finding.reject("unsafe", ErrorCode.E1006, "unsafe", null)));
		assertThat(verdict.code()).isEqualTo(ErrorCode.E1003);
	}

	@Test
	void anEscalatingFindingSendsEvenAConfidentResultToAHumanWithTheFirstCodeGiven() {
		Verdict verdict = decide("0.99", "0.99", List.of(Finding.escalate("odd_tone", null, "tone is off", null),
				Finding.escalate("unsafe", ErrorCode.E1006, "borderline content", null)));
		assertThat(verdict.outcome()).isEqualTo(Verdict.Outcome.HUMAN_REVIEW);
		assertThat(verdict.code()).as("the first escalation that has a code").isEqualTo(ErrorCode.E1006);
		assertThat(verdict.reasoning()).startsWith("escalated: worker 0.99, judge 0.99 → 0.99; tone is off; borderline content");
	}

	@Test
	void anEscalationWithoutACodeStillGoesToAHuman() {
		Verdict verdict = decide("0.99", "0.99", List.of(Finding.escalate("odd_tone", null, "tone is off", null)));
		assertThat(verdict.outcome()).isEqualTo(Verdict.Outcome.HUMAN_REVIEW);
		assertThat(verdict.code()).isNull();
	}

	@Test
	void notesExplainButNeitherBlockNorAppearInTheReasons() {
		Verdict verdict = decide("0.95", "0.95", List.of(Finding.note("language", "written in English")));
		assertThat(verdict.outcome()).isEqualTo(Verdict.Outcome.APPROVE);
		assertThat(verdict.reasoning()).doesNotContain("written in English");
		assertThat(verdict.findings()).hasSize(1);
	}

	@Test
	void aPenaltyIsAReasonButDoesNotBlockAConfidentResult() {
		Verdict verdict = decide("0.95", "0.80", List.of(Finding.penalty("hashtags", "too many hashtags", null)));
		assertThat(verdict.outcome()).isEqualTo(Verdict.Outcome.APPROVE);
		assertThat(verdict.reasoning()).isEqualTo("worker 0.95, judge 0.80 → 0.80; too many hashtags");
	}

	@Test
	void aTaskThatNeedsAHumanByPolicyIsNeverApprovedByTheJudge() {
		Verdict verdict = Verdict.decide(new BigDecimal("1.00"), new BigDecimal("1.00"), "fine", List.of(), THRESHOLD, true, true);
		assertThat(verdict.outcome()).isEqualTo(Verdict.Outcome.HUMAN_REVIEW);
		assertThat(verdict.code()).isNull();
		assertThat(verdict.reasoning()).startsWith("needs a human by policy: ");
	}

	@Test
	void withAutoApprovalOffEveryAcceptableResultGoesToAHuman() {
		Verdict verdict = Verdict.decide(new BigDecimal("1.00"), new BigDecimal("1.00"), null, List.of(), THRESHOLD, false, false);
		assertThat(verdict.outcome()).isEqualTo(Verdict.Outcome.HUMAN_REVIEW);
		assertThat(verdict.reasoning()).startsWith("auto-approval is off: ");
	}

	@Test
	void theJudgesOwnReasoningIsKeptUnlessBlank() {
		assertThat(Verdict.decide(new BigDecimal("0.9"), new BigDecimal("0.9"), "on persona", List.of(), THRESHOLD, true, false)
			.reasoning()).endsWith("; judge: on persona");
		assertThat(Verdict.decide(new BigDecimal("0.9"), new BigDecimal("0.9"), "  ", List.of(), THRESHOLD, true, false)
			.reasoning()).doesNotContain("judge:");
	}

	@Test
	void theFindingsAreACopyThatCannotChangeAfterwards() {
		List<Finding> findings = new ArrayList<>(List.of(Finding.note("language", "English")));
		Verdict verdict = decide("0.95", "0.95", findings);
		findings.add(Finding.reject("late", ErrorCode.E1003, "added later", null));
		assertThat(verdict.findings()).hasSize(1);
		assertThatExceptionOfType(UnsupportedOperationException.class)
			.isThrownBy(() -> verdict.findings().add(Finding.note("x", "y")));
	}

	@Test
	void theOutcomesTravelAsTheirWireWords() {
		assertThat(Verdict.Outcome.APPROVE.wire()).isEqualTo("approve");
		assertThat(Verdict.Outcome.HUMAN_REVIEW.wire()).isEqualTo("review");
		assertThat(Verdict.Outcome.REJECT.wire()).isEqualTo("reject");
	}

	private static Verdict decide(String worker, String judge, List<Finding> findings) {
		return Verdict.decide(new BigDecimal(worker), new BigDecimal(judge), null, findings, THRESHOLD, true, false);
	}
}
