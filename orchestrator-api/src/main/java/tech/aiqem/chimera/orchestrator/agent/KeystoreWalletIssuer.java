package tech.aiqem.chimera.orchestrator.agent;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import tech.aiqem.chimera.model.AgentId;
import tech.aiqem.chimera.model.TenantId;
import tech.aiqem.chimera.wallet.AgentWallets;

/** Agents get their wallets from the wallet module (an encrypted keystore, or a custodial provider). */
@Component
class KeystoreWalletIssuer implements WalletIssuer {

	private static final Logger log = LoggerFactory.getLogger(KeystoreWalletIssuer.class);

	private final ObjectProvider<AgentWallets> wallets;

	KeystoreWalletIssuer(ObjectProvider<AgentWallets> wallets) {
		this.wallets = wallets;
	}

	/** Null, with a warning, where no wallet component is configured (no passphrase, no custodial keys). */
	@Override
	public String issue(TenantId tenant, AgentId agent) {
		AgentWallets configured = this.wallets.getIfAvailable();
		if (configured == null) {
			log.warn("Agent {} gets no wallet: set CHIMERA_WALLET_PASSPHRASE (or the CDP keys) to enable wallets", agent);
			return null;
		}
		return configured.create(tenant, agent);
	}
}
