package tech.aiqem.chimera.local;

import java.util.List;

/** A Chimera service the launcher runs: its module (where its executable jar is built) and default port. */
public enum Service {

	ORCHESTRATOR("orchestrator-api", 8080),
	MCP_TOOLS("mcp-tools", 8084),
	PLANNER("planner-service", 8081),
	WORKER("worker-service", 8082),
	JUDGE("judge-service", 8083);

	private final String module;

	private final int defaultPort;

	Service(String module, int defaultPort) {
		this.module = module;
		this.defaultPort = defaultPort;
	}

	String module() {
		return this.module;
	}

	int defaultPort() {
		return this.defaultPort;
	}

	String label() {
		return this.module;
	}

	/** Started after the orchestrator has applied the migrations. */
	static List<Service> afterOrchestrator() {
		return List.of(MCP_TOOLS, PLANNER, WORKER, JUDGE);
	}
}
