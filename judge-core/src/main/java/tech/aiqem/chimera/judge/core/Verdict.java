package tech.aiqem.chimera.judge.core;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.stream.Collectors;

import tech.aiqem.chimera.model.ErrorCode;

/**
 * The judge's decision, pure: reject on any rejecting finding; otherwise the confidence is the lower of
 * the worker's and the judge's scores (the worker's own confidence can lower it, never raise it); a
 * confident result with nothing to escalate is approved when auto-approval is on, anything else goes to
 * a human with the reasons and the findings.
 */
public record Verdict(Outcome outcome, BigDecimal confidence, ErrorCode code, String reasoning, List<Finding> findings) {

	public enum Outcome {
		APPROVE("approve"), HUMAN_REVIEW("review"), REJECT("reject");

		private final String wire;

		Outcome(String wire) {
			this.wire = wire;
		}

		public String wire() {
			return this.wire;
		}
	}

	public Verdict {
		findings = List.copyOf(findings);
	}

	public static Verdict decide(BigDecimal workerConfidence, BigDecimal judgeScore, String judgeReasoning,
			List<Finding> findings, BigDecimal threshold, boolean autoApprove, boolean requiresHuman) {
		BigDecimal worker = workerConfidence == null ? BigDecimal.ZERO : workerConfidence;
		BigDecimal confidence = worker.min(judgeScore).max(BigDecimal.ZERO).setScale(2, RoundingMode.HALF_UP);
		String reasons = findings.stream().filter(f -> f.severity() != Finding.Severity.NOTE).map(Finding::detail)
			.collect(Collectors.joining("; "));
		String trace = "worker " + worker.toPlainString() + ", judge " + judgeScore.toPlainString() + " → "
				+ confidence.toPlainString() + (reasons.isEmpty() ? "" : "; " + reasons)
				+ (judgeReasoning == null || judgeReasoning.isBlank() ? "" : "; judge: " + judgeReasoning);
		for (Finding finding : findings) {
			if (finding.severity() == Finding.Severity.REJECT) {
				return new Verdict(Outcome.REJECT, confidence, finding.errorCode(), finding.detail() + " (" + trace + ")", findings);
			}
		}
		ErrorCode escalation = findings.stream()
			.filter(f -> f.severity() == Finding.Severity.ESCALATE)
			.map(Finding::errorCode)
			.filter(code -> code != null)
			.findFirst()
			.orElse(null);
		boolean escalate = findings.stream().anyMatch(f -> f.severity() == Finding.Severity.ESCALATE);
		if (!escalate && !requiresHuman && autoApprove && confidence.compareTo(threshold) >= 0) {
			return new Verdict(Outcome.APPROVE, confidence, null, trace, findings);
		}
		String why = escalate ? "escalated: " + trace
				: requiresHuman ? "needs a human by policy: " + trace
						: !autoApprove ? "auto-approval is off: " + trace
								: "confidence " + confidence.toPlainString() + " below " + threshold.toPlainString() + ": " + trace;
		return new Verdict(Outcome.HUMAN_REVIEW, confidence, escalation, why, findings);
	}
}
