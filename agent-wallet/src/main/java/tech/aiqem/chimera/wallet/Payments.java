package tech.aiqem.chimera.wallet;

import java.util.Optional;

import tech.aiqem.chimera.model.TaskId;

/** USDC payments, at most one per task. */
public interface Payments {

	/**
	 * Pays, once: a retry for the same task returns the transaction already made, whatever its status.
	 * The transaction is signed, recorded as {@code pending} and then broadcast; the receipt follower
	 * later marks it {@code confirmed} or {@code failed}.
	 * @throws tech.aiqem.chimera.model.ChimeraException E1001 when a budget would be passed (nothing is
	 * sent), E1005 when the wallet lacks USDC or gas, or the agent's financial tasks are paused
	 * @throws AgentNotActiveException when the agent was paused before the payment was recorded (nothing
	 * was recorded or sent; call again once it is resumed)
	 * @throws IllegalArgumentException when the task is unknown or not the agent's, or the agent has no
	 * wallet
	 */
	PaymentRecord pay(PaymentCommand command);

	/** The payment made for a task, if any, as currently recorded. */
	Optional<PaymentRecord> find(TaskId taskId);
}
