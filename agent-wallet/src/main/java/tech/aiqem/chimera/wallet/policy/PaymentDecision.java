package tech.aiqem.chimera.wallet.policy;

import java.util.List;

import tech.aiqem.chimera.model.ErrorCode;

/**
 * @param reasons why, for the HITL review's reasoning trace or the refusal (empty when sent)
 * @param code the error code of a refusal when one applies (E1005), else null
 */
public record PaymentDecision(Verdict verdict, List<String> reasons, ErrorCode code) {

	public enum Verdict {

		/** Pay now. */
		SEND,
		/** A human decides first. */
		NEEDS_HITL,
		/** Never pay this. */
		REFUSE
	}

	public PaymentDecision {
		reasons = List.copyOf(reasons);
	}

	public boolean needsHitl() {
		return this.verdict == Verdict.NEEDS_HITL;
	}
}
