package tech.aiqem.chimera.wallet;

import java.util.Set;

import tech.aiqem.chimera.model.AgentId;
import tech.aiqem.chimera.model.TenantId;

/** Recipients an agent may pay without human review; the wallets of its own tenant's agents always count. */
public interface PaymentAllowList {

	void allow(TenantId tenantId, AgentId agentId, String address, String label);

	/** @return true when the address was on the list */
	boolean revoke(AgentId agentId, String address);

	/** The agent's allowed addresses, lower-case. */
	Set<String> allowed(AgentId agentId);
}
