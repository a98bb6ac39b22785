package tech.aiqem.chimera.tools.auth;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tech.aiqem.chimera.tools.config.ToolsProperties;
import tech.aiqem.chimera.tools.mcp.Sha256;

/**
 * The configured callers and their tokens. A presented token is compared with every configured one in
 * constant time (on SHA-256 digests, so lengths leak nothing); a caller without a token is disabled.
 */
public final class CallerTokens {

	static final int MIN_TOKEN_LENGTH = 24;

	private final List<Entry> entries;

	public CallerTokens(Map<String, ToolsProperties.Caller> callers) {
		List<Entry> entries = new ArrayList<>();
		callers.forEach((name, caller) -> {
			if (caller.token() == null) {
				return;
			}
			if (caller.token().length() < MIN_TOKEN_LENGTH) {
				throw new IllegalArgumentException("chimera.tools.auth.callers." + name + ".token must be at least "
						+ MIN_TOKEN_LENGTH + " characters (a random secret, e.g. openssl rand -hex 32)");
			}
			String squashed = caller.token().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z]", "");
			if (squashed.contains("changeme") || squashed.contains("replaceme")) {
				throw new IllegalArgumentException("chimera.tools.auth.callers." + name + ".token is a placeholder from an "
						+ "example file; set a random secret (e.g. openssl rand -hex 32)");
			}
			entries.add(new Entry(digest(caller.token()), new Caller(name, caller.scopes())));
		});
		this.entries = List.copyOf(entries);
	}

	/** The caller whose token this is, or null. */
	public Caller authenticate(String token) {
		if (token == null || token.isBlank()) {
			return null;
		}
		byte[] presented = digest(token.strip());
		Caller found = null;
		for (Entry entry : this.entries) {
			if (MessageDigest.isEqual(entry.digest(), presented)) {
				found = entry.caller();
			}
		}
		return found;
	}

	public boolean isEmpty() {
		return this.entries.isEmpty();
	}

	public List<String> callerNames() {
		return this.entries.stream().map(e -> e.caller().name()).toList();
	}

	private static byte[] digest(String token) {
		return Sha256.digest(token);
	}

	private record Entry(byte[] digest, Caller caller) {
	}
}
