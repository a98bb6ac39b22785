package tech.aiqem.chimera.judge.review;

import tech.aiqem.chimera.model.ErrorCode;

/**
 * Something a deterministic check found in a result. {@code REJECT} findings end the task,
 * {@code ESCALATE} ones send it to a human, {@code PENALTY} ones lower its confidence.
 */
public record Finding(Severity severity, ErrorCode code, String reason) {

	public enum Severity {
		REJECT, ESCALATE, PENALTY
	}

	static Finding reject(ErrorCode code, String reason) {
		return new Finding(Severity.REJECT, code, reason);
	}

	static Finding escalate(ErrorCode code, String reason) {
		return new Finding(Severity.ESCALATE, code, reason);
	}

	static Finding penalty(String reason) {
		return new Finding(Severity.PENALTY, null, reason);
	}
}
