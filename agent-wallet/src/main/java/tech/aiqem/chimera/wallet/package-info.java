/** Agent wallets and USDC payments on Base or Ethereum, budgets, and the local chain. */
package tech.aiqem.chimera.wallet;
