/**
 * Agent wallets and USDC payments ({@code send_payment}, docs/architecture.md §11 E1001/E1005). The ports other
 * modules call: {@link tech.aiqem.chimera.wallet.AgentWallets} (create a wallet, read balances),
 * {@link tech.aiqem.chimera.wallet.Payments} (pay once per task, look a payment up),
 * {@link tech.aiqem.chimera.wallet.PaymentAllowList}, and the pure
 * {@link tech.aiqem.chimera.wallet.policy.PaymentPolicy} the judge consults. Adapters live in the
 * feature packages: {@code keystore} (local encrypted keys, the default; {@code cdp} custodial seam),
 * {@code chain} (web3j RPC, USDC units, the local ganache chain), {@code payment} (signing, recording,
 * broadcasting, the receipt follower), {@code policy}, and {@code config} (auto-configuration).
 */
package tech.aiqem.chimera.wallet;
