/**
 * The local EVM chain for tests and the launcher: {@link tech.aiqem.chimera.embedded.chain.LocalChain} runs
 * ganache from npm with a test USDC token and funds wallets on it. No service carries it.
 */
package tech.aiqem.chimera.embedded.chain;
