package tech.aiqem.chimera.local;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;

/**
 * Secrets that only some services may hold, made fresh for each run: each caller of mcp-tools gets its
 * own bearer token (the worker's may generate images and read, only the judge's publisher may post and
 * pay), and mcp-tools gets all three to check them. Never printed or written to disk.
 */
final class ServiceSecrets {

	private final String worker = token();

	private final String planner = token();

	private final String publisher = token();

	/** The secret environment of one service, on top of what every service shares. */
	Map<String, String> envFor(Service service) {
		return switch (service) {
			case MCP_TOOLS -> Map.of("MCP_TOKEN_WORKER", this.worker, "MCP_TOKEN_PLANNER", this.planner,
					"MCP_TOKEN_PUBLISHER", this.publisher);
			case WORKER -> Map.of("MCP_TOOLS_TOKEN", this.worker);
			case PLANNER -> Map.of("MCP_TOOLS_TOKEN", this.planner);
			case JUDGE -> Map.of("MCP_TOOLS_TOKEN", this.publisher);
			case ORCHESTRATOR -> Map.of();
		};
	}

	private static String token() {
		byte[] random = new byte[32];
		new SecureRandom().nextBytes(random);
		return HexFormat.of().formatHex(random);
	}
}
