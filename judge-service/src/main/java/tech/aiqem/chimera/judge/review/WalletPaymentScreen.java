package tech.aiqem.chimera.judge.review;

import java.util.List;

import tech.aiqem.chimera.judge.core.Finding;

import tech.aiqem.chimera.model.AgentId;
import tech.aiqem.chimera.model.TenantId;
import tech.aiqem.chimera.model.message.Payment;
import tech.aiqem.chimera.wallet.policy.PaymentDecision;
import tech.aiqem.chimera.wallet.policy.PaymentReview;

/** Screens payments with the wallet module's policy and the agent's allow-list. */
public final class WalletPaymentScreen implements PaymentScreen {

	private final PaymentReview review;

	public WalletPaymentScreen(PaymentReview review) {
		this.review = review;
	}

	@Override
	public List<Finding> screen(TaskState task, Payment payment) {
		PaymentDecision decision = this.review.review(new TenantId(task.tenantId()), new AgentId(task.agentId()), payment);
		String reasons = String.join("; ", decision.reasons());
		return switch (decision.verdict()) {
			case SEND -> List.of();
			case NEEDS_HITL -> List.of(Finding.escalate("payment_policy", null, "payment needs a human: " + reasons, null));
			case REFUSE -> List.of(Finding.reject("payment_refused", decision.code(), "payment refused: " + reasons, null));
		};
	}
}
