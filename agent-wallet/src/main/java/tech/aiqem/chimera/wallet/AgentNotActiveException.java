package tech.aiqem.chimera.wallet;

import tech.aiqem.chimera.model.AgentId;

/**
 * A payment not recorded because its agent was paused (or otherwise not active) by the time the wallet
 * came to record it; nothing was signed into the ledger or sent. It is not a refusal: the caller tries
 * again after the operator resumes the agent.
 */
public class AgentNotActiveException extends RuntimeException {

	private final transient AgentId agentId;

	public AgentNotActiveException(AgentId agentId) {
		super("agent " + agentId + " is not active; a payment is recorded and sent only for an active agent");
		this.agentId = agentId;
	}

	public AgentId agentId() {
		return this.agentId;
	}
}
