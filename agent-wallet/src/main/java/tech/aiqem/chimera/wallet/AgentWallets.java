package tech.aiqem.chimera.wallet;

import tech.aiqem.chimera.model.AgentId;
import tech.aiqem.chimera.model.Network;
import tech.aiqem.chimera.model.TenantId;

/** Each agent's wallet: made once, its key never leaves the adapter. */
public interface AgentWallets {

	/**
	 * Makes the agent's wallet, or returns the one it has (a retried create makes no second wallet).
	 * @return the EIP-55 checksummed address, for {@code agents.wallet_address}
	 * @throws IllegalArgumentException when the agent is unknown or belongs to another tenant
	 */
	String create(TenantId tenantId, AgentId agentId);

	/** The agent's wallet address, or null when it has none yet. */
	String address(AgentId agentId);

	/** USDC and ETH (for gas) held by an address on a network, read from the chain. */
	WalletBalance balance(String address, Network network);
}
