package tech.aiqem.chimera.local;

import tech.aiqem.chimera.embedded.PostgresServer;
import tech.aiqem.chimera.embedded.RedisServer;
import tech.aiqem.chimera.embedded.chain.LocalChain;

/** What {@code ./chimera} prints once everything is ready: where the dashboard, the API and each server are. */
final class LocalSummary {

	private LocalSummary() {
	}

	/** @param postgres the embedded server, or null when POSTGRES_URL was given (likewise {@code redis}) */
	static String render(LocalOptions options, ServiceProcesses services, PostgresServer postgres, RedisServer redis,
			LocalChain chain) {
		StringBuilder out = new StringBuilder("\nChimera is running.\n");
		out.append("  Dashboard:      ").append(options.url(Service.ORCHESTRATOR)).append("/\n");
		if (System.getenv("CHIMERA_ADMIN_PASSWORD") == null || System.getenv("CHIMERA_ADMIN_PASSWORD").isBlank()) {
			out.append("  Login:          ").append(System.getenv().getOrDefault("CHIMERA_ADMIN_EMAIL", "admin@chimera.local"))
				.append(" (password in ").append(options.dataDir().resolve(AdminPassword.FILE)).append(")\n");
		}
		out.append("  REST API:       ").append(options.url(Service.ORCHESTRATOR)).append("/v1  (OpenAPI: ")
			.append(options.url(Service.ORCHESTRATOR)).append("/v3/api-docs)\n");
		for (Service service : Service.values()) {
			out.append(String.format("  %-15s %s/actuator/health  (pid %d)%n", service.label() + ":", options.url(service),
					services.process(service).pid()));
		}
		out.append("  MCP tools:      ").append(options.url(Service.MCP_TOOLS)).append("/mcp\n");
		out.append("  PostgreSQL:     ").append(postgres != null ? "embedded, port " + postgres.port() : "POSTGRES_URL").append('\n');
		out.append("  Local chain:    ").append(chain.rpcUrl()).append(" (test USDC ").append(chain.usdcAddress())
			.append("; agent wallets are funded automatically)\n");
		out.append("  Redis:          ").append(redis != null ? "embedded, port " + redis.port() : "REDIS_URL").append('\n');
		out.append("  Time scale:     x").append(options.timeScale()).append("  Logs: ")
			.append(options.dataDir().resolve("logs")).append('\n');
		out.append("Press Ctrl-C to stop.\n");
		return out.toString();
	}
}
