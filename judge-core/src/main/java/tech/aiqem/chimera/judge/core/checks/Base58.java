package tech.aiqem.chimera.judge.core.checks;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/** Base58Check as Bitcoin writes keys: whether a string decodes and its last four bytes are its double SHA-256. */
final class Base58 {

	private static final String ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

	private static final BigInteger BASE = BigInteger.valueOf(58);

	private Base58() {
	}

	static boolean checked(String text) {
		BigInteger value = BigInteger.ZERO;
		for (char c : text.toCharArray()) {
			int digit = ALPHABET.indexOf(c);
			if (digit < 0) {
				return false;
			}
			value = value.multiply(BASE).add(BigInteger.valueOf(digit));
		}
		byte[] bytes = value.toByteArray();
		if (bytes.length > 1 && bytes[0] == 0) {
			bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
		}
		if (bytes.length < 5) {
			return false;
		}
		byte[] payload = Arrays.copyOfRange(bytes, 0, bytes.length - 4);
		byte[] checksum = Arrays.copyOfRange(bytes, bytes.length - 4, bytes.length);
		try {
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			byte[] twice = sha.digest(sha.digest(payload));
			return Arrays.equals(Arrays.copyOf(twice, 4), checksum);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
