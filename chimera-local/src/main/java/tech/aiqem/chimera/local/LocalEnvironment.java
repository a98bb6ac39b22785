package tech.aiqem.chimera.local;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import tech.aiqem.chimera.embedded.chain.LocalChain;

/** What every service the launcher starts is told: its databases, the chain, the clock and its directories. */
final class LocalEnvironment {

	private LocalEnvironment() {
	}

	/** The variables shared by all services; the caller's extra environment last, so that it wins. */
	static Map<String, String> shared(LocalOptions options, String postgresUrl, String redisUrl, LocalChain chain) {
		Map<String, String> env = new HashMap<>();
		env.put("POSTGRES_URL", postgresUrl);
		env.put("CHIMERA_WALLET_NETWORKS_BASE_RPC_URL", chain.rpcUrl());
		env.put("CHIMERA_WALLET_NETWORKS_BASE_USDC_ADDRESS", chain.usdcAddress());
		env.put("CHIMERA_WALLET_NETWORKS_BASE_CHAIN_ID", String.valueOf(chain.chainId()));
		env.put("CHIMERA_WALLET_KEYSTORE_KDF", "light");
		env.put("REDIS_URL", redisUrl);
		env.put("CHIMERA_TIME_SCALE", String.valueOf(options.timeScale()));
		env.put("CHIMERA_TIME_ORIGIN", Instant.now().toString());
		env.put("MCP_TOOLS_URL", "http://127.0.0.1:" + options.ports().get(Service.MCP_TOOLS) + "/mcp");
		env.put("MEDIA_DIR", options.dataDir().resolve("media").toString());
		env.put("CHIMERA_MEMORY_DIR", options.dataDir().resolve("memory").toString());
		env.put("CHIMERA_MEMORY_EMBEDDED_DIRECTORY", options.dataDir().resolve("memory").toString());
		env.put("MEDIA_PUBLIC_BASE_URL", options.url(Service.MCP_TOOLS) + "/media");
		env.putAll(options.extraEnv());
		return env;
	}
}
