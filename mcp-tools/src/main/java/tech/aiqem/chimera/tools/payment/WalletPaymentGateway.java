package tech.aiqem.chimera.tools.payment;

import tech.aiqem.chimera.wallet.PaymentRecord;
import tech.aiqem.chimera.wallet.Payments;

/**
 * Pays through the wallet module: USDC on the configured network, signed with the agent's key,
 * recorded in {@code transactions} and idempotent on the task id (a retried call returns the first
 * transaction and moves no money).
 */
public final class WalletPaymentGateway implements PaymentGateway {

	private final Payments payments;

	public WalletPaymentGateway(Payments payments) {
		this.payments = payments;
	}

	@Override
	public PaymentReceipt pay(PaymentCommand command) {
		if (command.tenant() == null) {
			throw new PaymentRefusedException("the agent's tenant is unknown");
		}
		PaymentRecord record;
		try {
			record = this.payments.pay(new tech.aiqem.chimera.wallet.PaymentCommand(command.taskId(), command.tenant(),
					command.agentId(), command.payment()));
		}
		catch (IllegalArgumentException ex) {
			throw new PaymentRefusedException(ex.getMessage());
		}
		return new PaymentReceipt(record.transactionHash(), record.network(), record.fromAddress(), record.toAddress(),
				record.amountUsdc(), record.status().wire());
	}
}
