package tech.aiqem.chimera.tools.payment;

import tech.aiqem.chimera.model.AgentId;
import tech.aiqem.chimera.model.ChimeraException;
import tech.aiqem.chimera.model.ErrorCode;
import tech.aiqem.chimera.model.TenantId;
import tech.aiqem.chimera.model.message.Payment;
import tech.aiqem.chimera.wallet.AgentNotActiveException;
import tech.aiqem.chimera.wallet.PaymentRecord;
import tech.aiqem.chimera.wallet.Payments;
import tech.aiqem.chimera.wallet.policy.PaymentDecision;

/**
 * Pays through the wallet module: USDC on the configured network, signed with the agent's key,
 * recorded in {@code transactions} and idempotent on the task id (a retried call returns the first
 * transaction and moves no money). Before a first payment it asks the wallet policy again: what it
 * refuses now is refused, and what needs a human goes out only if a human approved it.
 */
public final class WalletPaymentGateway implements PaymentGateway {

	/** The wallet policy (allow-list, HITL threshold, pauses) as it stands now. */
	@FunctionalInterface
	public interface Policy {

		PaymentDecision decide(TenantId tenant, AgentId agent, Payment payment);
	}

	private final Payments payments;

	private final Policy policy;

	public WalletPaymentGateway(Payments payments, Policy policy) {
		this.payments = payments;
		this.policy = policy;
	}

	@Override
	public PaymentReceipt pay(PaymentCommand command) {
		if (command.tenant() == null) {
			throw new PaymentRefusedException("the agent's tenant is unknown");
		}
		if (this.payments.find(command.taskId()).isEmpty()) {
			// the policy is asked again at the moment money moves: the judge's review may be hours old
			requireAllowedNow(command);
		}
		PaymentRecord record;
		try {
			record = this.payments.pay(new tech.aiqem.chimera.wallet.PaymentCommand(command.taskId(), command.tenant(),
					command.agentId(), command.payment()));
		}
		catch (IllegalArgumentException ex) {
			throw new PaymentRefusedException(ex.getMessage());
		}
		catch (AgentNotActiveException ex) {
			throw new AgentPausedException(ex.getMessage());
		}
		return new PaymentReceipt(record.transactionHash(), record.network(), record.fromAddress(), record.toAddress(),
				record.amountUsdc(), record.status().wire());
	}

	private void requireAllowedNow(PaymentCommand command) {
		PaymentDecision decision;
		try {
			decision = this.policy.decide(command.tenant(), command.agentId(), command.payment());
		}
		catch (IllegalArgumentException ex) {
			throw new PaymentRefusedException(ex.getMessage());
		}
		switch (decision.verdict()) {
			case REFUSE -> {
				if (decision.code() == ErrorCode.E1005) {
					throw ChimeraException.insufficientFunds(String.join("; ", decision.reasons()));
				}
				throw new PaymentRefusedException("the wallet policy refuses it now: " + String.join("; ", decision.reasons()));
			}
			case NEEDS_HITL -> {
				if (!command.approvedByHuman()) {
					throw new PaymentRefusedException("the wallet policy needs a human's approval and the judge approved it: "
							+ String.join("; ", decision.reasons()));
				}
			}
			case SEND -> {
			}
		}
	}
}
