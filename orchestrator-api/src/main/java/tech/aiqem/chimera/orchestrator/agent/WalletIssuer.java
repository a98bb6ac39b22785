package tech.aiqem.chimera.orchestrator.agent;

import tech.aiqem.chimera.model.AgentId;
import tech.aiqem.chimera.model.TenantId;

/** Creates an agent's wallet and returns its address; the private key never leaves the wallet component. */
public interface WalletIssuer {

	/** The new wallet's EIP-55 address, or null where no wallet component is configured. */
	String issue(TenantId tenant, AgentId agent);
}
