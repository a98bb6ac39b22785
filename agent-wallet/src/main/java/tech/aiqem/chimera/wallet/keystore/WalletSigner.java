package tech.aiqem.chimera.wallet.keystore;

import org.web3j.crypto.RawTransaction;

import tech.aiqem.chimera.model.AgentId;

/** Signs with an agent's key, which stays inside the adapter; used by the payment adapter. */
public interface WalletSigner {

	/** @throws IllegalArgumentException when the agent has no wallet */
	SignedTransaction sign(AgentId agentId, RawTransaction transaction, long chainId);
}
