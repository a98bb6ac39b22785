/**
 * An agent's wallet as operators see it: the address and what it holds (USDC, ETH for gas), read
 * through the {@link tech.aiqem.chimera.orchestrator.wallet.WalletBalances} port. Without a wallet
 * component the address is shown and the balances are null, never invented.
 */
package tech.aiqem.chimera.orchestrator.wallet;
