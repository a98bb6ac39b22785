package tech.aiqem.chimera.wallet.chain;

/** The node refused a transaction outright (bad nonce, no gas, ...): it will not be mined as sent. */
public final class RejectedTransactionException extends RuntimeException {

	public RejectedTransactionException(String message) {
		super(message);
	}
}
