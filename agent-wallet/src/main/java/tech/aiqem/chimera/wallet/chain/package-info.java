/**
 * The chain, reached over JSON-RPC with web3j: USDC balances and {@code transfer} calls (ERC-20, 6
 * decimals), ETH for gas, nonces, raw transactions and receipts, one {@link EvmChain} per configured
 * network. The local chain the tests and the launcher run (ganache) is chimera-embedded's {@code LocalChain}.
 */
package tech.aiqem.chimera.wallet.chain;
