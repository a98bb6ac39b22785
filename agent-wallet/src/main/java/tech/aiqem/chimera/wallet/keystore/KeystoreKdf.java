package tech.aiqem.chimera.wallet.keystore;

/**
 * scrypt cost of new keystores. STANDARD is geth's (N=2^18, p=1: about a second and 256 MB to encrypt
 * or decrypt); LIGHT (N=2^12, p=6) is for tests and demos. Existing keystores carry their own
 * parameters, so changing this affects only new wallets.
 */
public enum KeystoreKdf {

	STANDARD(1 << 18, 1), LIGHT(1 << 12, 6);

	final int n;

	final int p;

	KeystoreKdf(int n, int p) {
		this.n = n;
		this.p = p;
	}
}
