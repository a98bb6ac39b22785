package tech.aiqem.chimera.orchestrator.auth;

import java.nio.charset.StandardCharsets;

/** The password rule: long enough to resist guessing, short enough for BCrypt, which reads 72 bytes. */
final class Passwords {

	static final int MIN_LENGTH = 12;

	static final int MAX_BYTES = 72;

	private Passwords() {
	}

	/** What is wrong with the password, or null; never repeats the password. */
	static String problem(String password) {
		if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
			return "must be at least " + MIN_LENGTH + " characters";
		}
		if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
			return "must be at most " + MAX_BYTES + " bytes in UTF-8";
		}
		return null;
	}
}
