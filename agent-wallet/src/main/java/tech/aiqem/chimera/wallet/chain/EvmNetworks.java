package tech.aiqem.chimera.wallet.chain;

import java.util.EnumMap;
import java.util.Map;

import tech.aiqem.chimera.model.Network;

/** The configured networks; a network without an RPC URL cannot be used for payments. */
public final class EvmNetworks implements AutoCloseable {

	private final Map<Network, EvmChain> chains = new EnumMap<>(Network.class);

	public EvmNetworks(Map<Network, NetworkSettings> settings) {
		settings.forEach((network, value) -> this.chains.put(network, new EvmChain(network, value)));
	}

	/** @throws IllegalStateException when the network has no RPC URL configured */
	public EvmChain chain(Network network) {
		EvmChain chain = this.chains.get(network);
		if (chain == null) {
			throw new IllegalStateException("network " + network.wire() + " is not configured: set "
					+ network.name() + "_RPC_URL (chimera.wallet.networks." + network.wire() + ".rpc-url)");
		}
		return chain;
	}

	public boolean configured(Network network) {
		return this.chains.containsKey(network);
	}

	@Override
	public void close() {
		this.chains.values().forEach(EvmChain::close);
	}
}
