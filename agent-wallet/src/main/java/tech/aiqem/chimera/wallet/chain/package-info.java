/**
 * The chain, reached over JSON-RPC with web3j: USDC balances and {@code transfer} calls (ERC-20, 6
 * decimals), ETH for gas, nonces, raw transactions and receipts, one {@link EvmChain} per configured
 * network. {@link LocalChain} runs a real local EVM (ganache from npm) with a test USDC token for tests
 * and the launcher.
 */
package tech.aiqem.chimera.wallet.chain;
