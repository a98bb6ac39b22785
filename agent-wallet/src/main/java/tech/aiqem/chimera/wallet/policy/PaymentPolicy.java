package tech.aiqem.chimera.wallet.policy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import tech.aiqem.chimera.model.ErrorCode;
import tech.aiqem.chimera.model.message.Payment;

/**
 * Decides, without I/O, what happens to an approved payment: refused when it cannot or must not be made
 * (no wallet, financial tasks paused, network not configured, paying itself or the zero address); sent to
 * a human when the amount is above the threshold or the recipient is neither on the agent's allow-list
 * nor another agent of the same tenant; otherwise sent.
 */
public final class PaymentPolicy {

	private static final String ZERO_ADDRESS = "0x0000000000000000000000000000000000000000";

	private final BigDecimal hitlAboveUsd;

	/** @param hitlAboveUsd payments above this amount need a human ({@code chimera.wallet.hitl-above-usd}) */
	public PaymentPolicy(BigDecimal hitlAboveUsd) {
		if (hitlAboveUsd == null || hitlAboveUsd.signum() < 0) {
			throw new IllegalArgumentException("hitl-above-usd must be zero or more, got " + hitlAboveUsd);
		}
		this.hitlAboveUsd = hitlAboveUsd;
	}

	public PaymentDecision decide(PaymentFacts facts) {
		Payment payment = facts.payment();
		if (facts.payerAddress() == null) {
			return refuse(null, "the agent has no wallet");
		}
		if (facts.financialPaused()) {
			return refuse(ErrorCode.E1005, "the agent's financial tasks are paused (insufficient funds earlier)");
		}
		if (!facts.networkConfigured()) {
			return refuse(null, "network " + payment.network().wire() + " is not configured");
		}
		if (payment.toAddress().equalsIgnoreCase(facts.payerAddress())) {
			return refuse(null, "the agent cannot pay its own wallet");
		}
		if (payment.toAddress().equalsIgnoreCase(ZERO_ADDRESS)) {
			return refuse(null, "payments to the zero address burn the funds");
		}
		List<String> reasons = new ArrayList<>();
		if (payment.amountUsdc().compareTo(this.hitlAboveUsd) > 0) {
			reasons.add("amount " + payment.amountUsdc().toPlainString() + " USDC is above the HITL threshold of "
					+ this.hitlAboveUsd.toPlainString() + " USDC");
		}
		if (!facts.recipientAllowListed() && !facts.recipientIsTenantAgent()) {
			reasons.add("recipient " + payment.toAddress()
					+ " is not on the agent's allow-list nor a wallet of the tenant's agents");
		}
		if (!reasons.isEmpty()) {
			return new PaymentDecision(PaymentDecision.Verdict.NEEDS_HITL, reasons, null);
		}
		return new PaymentDecision(PaymentDecision.Verdict.SEND, List.of(), null);
	}

	private static PaymentDecision refuse(ErrorCode code, String reason) {
		return new PaymentDecision(PaymentDecision.Verdict.REFUSE, List.of(reason), code);
	}
}
