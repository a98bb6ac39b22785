package tech.aiqem.chimera.tools.payment;

import tech.aiqem.chimera.model.AgentId;
import tech.aiqem.chimera.model.TaskId;
import tech.aiqem.chimera.model.TenantId;
import tech.aiqem.chimera.model.message.Payment;

/**
 * A validated payment for an agent, keyed by its task id. {@code tenant} may be null.
 * {@code approvedByHuman}: a human approved this payment (the wallet policy's HITL conditions are met).
 */
public record PaymentCommand(TaskId taskId, AgentId agentId, TenantId tenant, Payment payment, boolean approvedByHuman) {

	public PaymentCommand(TaskId taskId, AgentId agentId, TenantId tenant, Payment payment) {
		this(taskId, agentId, tenant, payment, false);
	}
}
