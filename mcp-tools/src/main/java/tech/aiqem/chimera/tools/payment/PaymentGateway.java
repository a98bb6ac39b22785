package tech.aiqem.chimera.tools.payment;

/**
 * Sends a USDC payment. Implementations must be idempotent on {@code command.taskId()}: a second call
 * for the same task returns the first receipt and moves no money. Refusals are
 * {@link PaymentRefusedException} (shown to the caller as a tool error) or a
 * {@link tech.aiqem.chimera.model.ChimeraException} with E1001 (budget) or E1005 (insufficient funds); an agent
 * paused before the payment was recorded is {@link AgentPausedException} (nothing done, try again later).
 * Provide a bean of this type to replace the default, which refuses every payment.
 */
public interface PaymentGateway {

	PaymentReceipt pay(PaymentCommand command);
}
