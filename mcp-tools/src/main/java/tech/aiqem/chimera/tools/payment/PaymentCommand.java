package tech.aiqem.chimera.tools.payment;

import tech.aiqem.chimera.model.AgentId;
import tech.aiqem.chimera.model.TaskId;
import tech.aiqem.chimera.model.TenantId;
import tech.aiqem.chimera.model.message.Payment;

/** A validated payment for an agent, keyed by its task id. {@code tenant} may be null. */
public record PaymentCommand(TaskId taskId, AgentId agentId, TenantId tenant, Payment payment) {
}
