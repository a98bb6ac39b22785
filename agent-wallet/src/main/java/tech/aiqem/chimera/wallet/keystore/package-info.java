/**
 * Where agents' keys live. {@link KeystoreWallets}, the default: a new key per agent, kept only as a
 * standard Ethereum V3 keystore JSON (scrypt + AES-128-CTR) encrypted with the configured passphrase
 * ({@code CHIMERA_WALLET_PASSPHRASE}) in {@code agent_wallets.keystore}; the key is decrypted only to
 * sign and never logged or returned. {@link CdpWallets} is the seam for a custodial provider (Coinbase
 * CDP): selected when its keys are configured, and not implemented in this offline build.
 */
package tech.aiqem.chimera.wallet.keystore;
