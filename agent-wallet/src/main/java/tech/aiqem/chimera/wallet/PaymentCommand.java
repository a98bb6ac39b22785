package tech.aiqem.chimera.wallet;

import java.util.Objects;

import tech.aiqem.chimera.model.AgentId;
import tech.aiqem.chimera.model.TaskId;
import tech.aiqem.chimera.model.TenantId;
import tech.aiqem.chimera.model.message.Payment;

/**
 * An approved payment to make.
 * @param taskId the {@code execute_transaction} task; the idempotency key
 * @param agentId the paying agent
 */
public record PaymentCommand(TaskId taskId, TenantId tenantId, AgentId agentId, Payment payment) {

	public PaymentCommand {
		Objects.requireNonNull(taskId, "payment task id");
		Objects.requireNonNull(tenantId, "payment tenant id");
		Objects.requireNonNull(agentId, "payment agent id");
		Objects.requireNonNull(payment, "payment");
	}
}
