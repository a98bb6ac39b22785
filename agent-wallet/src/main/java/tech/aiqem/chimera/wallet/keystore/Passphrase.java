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
		if (isPlaceholder(value)) {
			throw new IllegalArgumentException("CHIMERA_WALLET_PASSPHRASE (chimera.wallet.passphrase) is a placeholder "
					+ "from an example file; set a long random secret (e.g. openssl rand -base64 32)");
		}
		this.value = value;
	}

	/** The shapes of the placeholders in example files (compose, Kubernetes): never a real secret. */
	public static boolean isPlaceholder(String value) {
		String squashed = value.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z]", "");
		return squashed.contains("changeme") || squashed.contains("replaceme") || squashed.startsWith("yourpassphrase")
				|| squashed.equals("password") || squashed.equals("passphrase");
	}

	String value() {
		return this.value;
	}

	@Override
	public String toString() {
		return "Passphrase[redacted]";
	}
}
