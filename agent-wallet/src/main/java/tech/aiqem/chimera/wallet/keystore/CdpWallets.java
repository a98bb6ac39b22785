package tech.aiqem.chimera.wallet.keystore;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.crypto.RawTransaction;

import tech.aiqem.chimera.model.AgentId;
import tech.aiqem.chimera.model.Network;
import tech.aiqem.chimera.model.TenantId;
import tech.aiqem.chimera.wallet.AgentWallets;
import tech.aiqem.chimera.wallet.WalletBalance;
import tech.aiqem.chimera.wallet.chain.EvmChain;
import tech.aiqem.chimera.wallet.chain.EvmNetworks;
import tech.aiqem.chimera.wallet.chain.UsdcUnits;

/**
 * The seam for custodial wallets held by Coinbase CDP (docs/architecture.md §13 {@code CDP_API_KEY_NAME},
 * {@code CDP_API_KEY_PRIVATE_KEY}). NOT IMPLEMENTED in this build: Chimera runs offline here and has no
 * CDP client, so creating wallets and signing fail with a message saying so. Balances still work (they
 * are read from the chain). It is selected only when both CDP variables are set.
 */
public final class CdpWallets implements AgentWallets, WalletSigner {

	private static final Logger log = LoggerFactory.getLogger(CdpWallets.class);

	static final String NOT_IMPLEMENTED = "Coinbase CDP custodial wallets are not implemented in this build "
			+ "(no CDP client; it runs offline). Unset CDP_API_KEY_NAME and CDP_API_KEY_PRIVATE_KEY to use the "
			+ "local encrypted keystore wallets.";

	private final String apiKeyName;

	private final EvmNetworks networks;

	public CdpWallets(String apiKeyName, EvmNetworks networks) {
		this.apiKeyName = apiKeyName;
		this.networks = networks;
		log.warn("CDP_API_KEY_NAME is set: wallets are meant to be custodial (Coinbase CDP). {}", NOT_IMPLEMENTED);
	}

	@Override
	public String create(TenantId tenantId, AgentId agentId) {
		throw new UnsupportedOperationException(NOT_IMPLEMENTED);
	}

	@Override
	public String address(AgentId agentId) {
		throw new UnsupportedOperationException(NOT_IMPLEMENTED);
	}

	@Override
	public WalletBalance balance(String address, Network network) {
		EvmChain chain = this.networks.chain(network);
		return new WalletBalance(address, network, UsdcUnits.fromUnits(chain.usdcUnits(address)),
				UsdcUnits.ethFromWei(chain.weiBalance(address)));
	}

	@Override
	public SignedTransaction sign(AgentId agentId, RawTransaction transaction, long chainId) {
		throw new UnsupportedOperationException(NOT_IMPLEMENTED);
	}

	@Override
	public String toString() {
		return "CdpWallets[apiKeyName=" + this.apiKeyName + ", not implemented offline]";
	}
}
