package tech.aiqem.chimera.wallet.keystore;

/** The keystore passphrase. It has no getter outside this package and never prints. */
public final class Passphrase {

	public static final int MINIMUM_LENGTH = 12;

	private final String value;

	public Passphrase(String value) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException(
					"CHIMERA_WALLET_PASSPHRASE (chimera.wallet.passphrase) is required to encrypt agent wallet keys");
		}
		if (value.length() < MINIMUM_LENGTH) {
			throw new IllegalArgumentException("CHIMERA_WALLET_PASSPHRASE (chimera.wallet.passphrase) must be at least "
					+ MINIMUM_LENGTH + " characters");
		}
		this.value = value;
	}

	String value() {
		return this.value;
	}

	@Override
	public String toString() {
		return "Passphrase[redacted]";
	}
}
