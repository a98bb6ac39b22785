package tech.aiqem.chimera.orchestrator.wallet;

import java.math.BigDecimal;

/**
 * Reads what a wallet holds. The orchestrator owns this port; the wallet component adapts to it (for
 * example over {@code AgentWallets.balance}). Where none is wired, {@link #UNKNOWN} answers.
 */
public interface WalletBalances {

	/** Knows no chain: the address with null balances and network. */
	WalletBalances UNKNOWN = address -> new Balance(address, null, null, null);

	/**
	 * What the address holds now.
	 * @throws RuntimeException when the chain cannot be read; the API then shows the address without balances
	 */
	Balance balance(String address);

	/** USDC (6 decimals) and ETH for gas (18 decimals) on a network ({@code base}, {@code ethereum}); null when unknown. */
	record Balance(String address, String network, BigDecimal usdc, BigDecimal eth) {
	}
}
