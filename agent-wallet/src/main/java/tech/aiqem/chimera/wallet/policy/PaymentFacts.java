package tech.aiqem.chimera.wallet.policy;

import java.util.Objects;

import tech.aiqem.chimera.model.message.Payment;

/**
 * What the policy decides on.
 * @param payerAddress the paying agent's wallet, or null when it has none
 * @param financialPaused the agent's financial tasks are paused (E1005)
 * @param networkConfigured the payment's network has an RPC endpoint
 * @param recipientAllowListed the recipient is on the agent's allow-list
 * @param recipientIsTenantAgent the recipient is the wallet of an agent of the same tenant
 */
public record PaymentFacts(Payment payment, String payerAddress, boolean financialPaused, boolean networkConfigured,
		boolean recipientAllowListed, boolean recipientIsTenantAgent) {

	public PaymentFacts {
		Objects.requireNonNull(payment, "payment");
	}
}
