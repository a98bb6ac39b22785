package tech.aiqem.chimera.judge.review;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.stream.Collectors;

import tech.aiqem.chimera.model.ErrorCode;

/**
 * The judge's decision, pure: reject on any rejecting finding; otherwise the confidence is the lower of
 * the worker's and the judge model's scores, less penalties; a confident result with nothing to
 * escalate is approved when auto-approval is on, anything else goes to a human with the reasons.
 */
public record Verdict(Outcome outcome, BigDecimal confidence, ErrorCode code, String reasoning) {

	public enum Outcome {
		APPROVE, HUMAN_REVIEW, REJECT
	}

	private static final BigDecimal PENALTY = new BigDecimal("0.05");

	public static Verdict decide(BigDecimal workerConfidence, BigDecimal judgeScore, String judgeReasoning,
			List<Finding> findings, BigDecimal threshold, boolean autoApprove, boolean requiresHuman) {
		BigDecimal confidence = workerConfidence.min(judgeScore);
		long penalties = findings.stream().filter(f -> f.severity() == Finding.Severity.PENALTY).count();
		confidence = confidence.subtract(PENALTY.multiply(BigDecimal.valueOf(penalties))).max(BigDecimal.ZERO)
			.setScale(2, RoundingMode.HALF_UP);
		String reasons = findings.stream().map(Finding::reason).collect(Collectors.joining("; "));
		String trace = "worker " + workerConfidence.toPlainString() + ", judge " + judgeScore.toPlainString() + " → "
				+ confidence.toPlainString() + (reasons.isEmpty() ? "" : "; " + reasons)
				+ (judgeReasoning == null || judgeReasoning.isBlank() ? "" : "; judge: " + judgeReasoning);
		for (Finding finding : findings) {
			if (finding.severity() == Finding.Severity.REJECT) {
				return new Verdict(Outcome.REJECT, confidence, finding.code(), finding.reason() + " (" + trace + ")");
			}
		}
		ErrorCode escalation = findings.stream()
			.filter(f -> f.severity() == Finding.Severity.ESCALATE)
			.map(Finding::code)
			.filter(code -> code != null)
			.findFirst()
			.orElse(null);
		boolean escalate = findings.stream().anyMatch(f -> f.severity() == Finding.Severity.ESCALATE);
		if (!escalate && !requiresHuman && autoApprove && confidence.compareTo(threshold) >= 0) {
			return new Verdict(Outcome.APPROVE, confidence, null, trace);
		}
		String why = escalate ? "escalated: " + trace
				: requiresHuman ? "needs a human by policy: " + trace
						: !autoApprove ? "auto-approval is off: " + trace
								: "confidence " + confidence.toPlainString() + " below " + threshold.toPlainString() + ": " + trace;
		return new Verdict(Outcome.HUMAN_REVIEW, confidence, escalation, why);
	}
}
