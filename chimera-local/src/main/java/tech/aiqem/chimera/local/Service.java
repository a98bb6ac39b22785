package tech.aiqem.chimera.local;

import java.util.List;

/**
 * A Chimera service the launcher runs: its module (where its executable jar is built), default port and
 * heap. The judge and the planner load the all-MiniLM-L6-v2 model (chimera-safety, judge-core): 256 MB is
 * not enough for it. The worker, the many-replica service, gets the smallest heap: the target is under 512 MB
 * (docs/architecture.md §16) and we aim for 256 MB resident; {@code CHIMERA_JAVA_OPTS} can override any of them ({@code -Xmx} there wins).
 */
public enum Service {

	ORCHESTRATOR("orchestrator-api", 8080, "384m"),
	MCP_TOOLS("mcp-tools", 8084, "384m"),
	PLANNER("planner-service", 8081, "512m"),
	/**
	 * The worker waits on model and tool calls and spends little CPU of its own, so it runs on the client
	 * compiler alone, whose code cache and compiler threads are a fraction of C2's. Its heap starts small and
	 * grows as its live data needs (about 45 MB under the benchmark's load): without {@code -Xms} the JVM starts
	 * with 1/64 of the machine's memory, here the whole 128 MB, and the serial collector fills all of it
	 * before a full collection (a container starts with 1/64 of its limit, so this is also how it runs there).
	 */
	WORKER("worker-service", 8082, "128m", "-Xms32m", "-XX:TieredStopAtLevel=1", "-XX:ReservedCodeCacheSize=32m"),
	JUDGE("judge-service", 8083, "512m");

	private final String module;

	private final int defaultPort;

	private final String heap;

	private final List<String> jvmOptions;

	Service(String module, int defaultPort, String heap, String... jvmOptions) {
		this.module = module;
		this.defaultPort = defaultPort;
		this.heap = heap;
		this.jvmOptions = List.of(jvmOptions);
	}

	/** JVM options of this service's own, given after its heap and before the shared options. */
	List<String> jvmOptions() {
		return this.jvmOptions;
	}

	/** The maximum heap the launcher gives the service, as {@code -Xmx} takes it. */
	String heap() {
		return this.heap;
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
