package tech.aiqem.chimera.local;

import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Secrets that only some services may hold. Each caller of mcp-tools gets its own bearer token, made fresh
 * for each run (the worker's may generate images and read, only the judge's publisher may post and pay),
 * and mcp-tools gets all three to check them; the wallet passphrase goes to the two services that hold
 * keys (the orchestrator creates wallets, mcp-tools pays), the first admin's password to the
 * orchestrator. The worker, which reads attacker-controlled text, holds only its own token. Never printed.
 */
final class ServiceSecrets {

	private String walletPassphrase;

	private String adminPassword;

	private final String worker = token();

	private final String planner = token();

	private final String publisher = token();

	/** The installation's kept secrets; {@code adminPassword} may be null (an admin exists already). */
	void keep(String walletPassphrase, String adminPassword) {
		this.walletPassphrase = walletPassphrase;
		this.adminPassword = adminPassword;
	}

	/** The secret environment of one service, on top of what every service shares. */
	Map<String, String> envFor(Service service) {
		Map<String, String> env = new HashMap<>();
		switch (service) {
			case MCP_TOOLS -> {
				env.put("MCP_TOKEN_WORKER", this.worker);
				env.put("MCP_TOKEN_PLANNER", this.planner);
				env.put("MCP_TOKEN_PUBLISHER", this.publisher);
				putIfSet(env, "CHIMERA_WALLET_PASSPHRASE", this.walletPassphrase);
			}
			case WORKER -> env.put("MCP_TOOLS_TOKEN", this.worker);
			case PLANNER -> env.put("MCP_TOOLS_TOKEN", this.planner);
			case JUDGE -> env.put("MCP_TOOLS_TOKEN", this.publisher);
			case ORCHESTRATOR -> {
				putIfSet(env, "CHIMERA_WALLET_PASSPHRASE", this.walletPassphrase);
				putIfSet(env, "CHIMERA_ADMIN_PASSWORD", this.adminPassword);
			}
		}
		return env;
	}

	/**
	 * Secrets a service must not inherit from the launcher's own environment (the user's shell): each
	 * service gets only those its code reads, as the Kubernetes Secrets do (k8s/secret.yaml).
	 */
	static Set<String> withheldFrom(Service service) {
		Set<String> withheld = new HashSet<>(Set.of("MCP_TOKEN_WORKER", "MCP_TOKEN_PLANNER", "MCP_TOKEN_PUBLISHER", "MCP_TOOLS_TOKEN"));
		if (service != Service.MCP_TOOLS) {
			withheld.addAll(PLATFORM_SECRETS);
		}
		if (service != Service.MCP_TOOLS && service != Service.ORCHESTRATOR) {
			withheld.addAll(Set.of("CHIMERA_WALLET_PASSPHRASE", "CDP_API_KEY_NAME", "CDP_API_KEY_PRIVATE_KEY"));
		}
		if (service != Service.ORCHESTRATOR) {
			withheld.add("CHIMERA_ADMIN_PASSWORD");
		}
		if (service == Service.ORCHESTRATOR || service == Service.MCP_TOOLS) {
			withheld.addAll(MODEL_KEYS);
		}
		return withheld;
	}

	private static final Set<String> PLATFORM_SECRETS = Set.of("X_ACCESS_TOKEN", "INSTAGRAM_ACCESS_TOKEN", "THREADS_ACCESS_TOKEN",
			"IDEOGRAM_API_KEY", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "WEAVIATE_API_KEY");

	private static final Set<String> MODEL_KEYS = Set.of("ANTHROPIC_API_KEY", "GOOGLE_API_KEY", "OPENAI_API_KEY");

	private static void putIfSet(Map<String, String> env, String name, String value) {
		if (value != null) {
			env.put(name, value);
		}
	}

	private static String token() {
		byte[] random = new byte[32];
		new SecureRandom().nextBytes(random);
		return HexFormat.of().formatHex(random);
	}
}
