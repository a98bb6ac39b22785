package tech.aiqem.chimera.wallet.keystore;

/**
 * A transaction signed and ready to broadcast; none of it is secret.
 * @param hex the raw signed transaction
 * @param hash its hash, known before it is broadcast
 */
public record SignedTransaction(String fromAddress, String hex, String hash) {
}
