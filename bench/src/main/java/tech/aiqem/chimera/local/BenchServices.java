package tech.aiqem.chimera.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import tech.aiqem.chimera.embedded.FreePorts;
import tech.aiqem.chimera.embedded.PostgresServer;
import tech.aiqem.chimera.embedded.RedisServer;

/** The services as the benchmark runs them: launched by {@link ChimeraLocal}, tuned for load rather than the demo. */
final class BenchServices {

	static final String ADMIN_EMAIL = "admin@bench.local";

	static final String ADMIN_PASSWORD = "bench-admin-password-not-secret";

	private BenchServices() {
	}

	/**
	 * Starts every service on the given servers and waits until they are ready; {@code tools} selects mcp-tools'
	 * adapters (empty: the offline defaults; {@link HostedTools#environment}: the hosted stand-ins).
	 */
	static ChimeraLocal start(BenchOptions options, Path data, PostgresServer postgres, RedisServer redis, Map<String, String> tools) {
		Map<String, String> env = new HashMap<>();
		env.put("CHIMERA_HOME", options.home().toString());
		env.put("CHIMERA_DATA_DIR", data.toString());
		env.put("CHIMERA_BASE_PORT", String.valueOf(FreePorts.consecutive(5)));
		env.put("CHIMERA_TIME_SCALE", "1");
		env.put("POSTGRES_URL", postgres.jdbcUrl("chimera"));
		env.put("REDIS_URL", redis.url());
		env.put("CHIMERA_JAVA_OPTS", options.javaOpts() + (options.jfr()
				? " -XX:StartFlightRecording=filename=" + data.resolve("logs") + "/service-%p.jfr,settings=profile,dumponexit=true" : ""));
		Map<String, String> services = new HashMap<>();
		services.put("CHIMERA_ADMIN_EMAIL", ADMIN_EMAIL);
		services.put("CHIMERA_ADMIN_PASSWORD", ADMIN_PASSWORD);
		// The load is the benchmark's: nothing waits on the demo's pacing. The planner's loops keep their deployed
		// interval (500 ms): a due task planned wakes the dispatcher at once (LISTEN chimera_tasks_due).
		services.put("CHIMERA_PLANNER_DISPATCH_BATCH", "2000");
		services.put("CHIMERA_PLANNER_DISPATCH_THREADS", "3");
		// Phase 1 measures how fast the dispatcher fills the lists, so it starts without their bound; the planner is
		// relaunched with it (BOUNDED_PLANNER) before the pipeline phases.
		services.put("CHIMERA_PLANNER_DISPATCH_MAX_WAITING", "100000000");
		// Enough tasks in flight to keep the cores busy with an instant model, not so many that the MCP server's
		// request threads overflow (the realistic phase restarts the worker with rate x model latency in flight).
		services.put("CHIMERA_WORKER_CONCURRENCY", "128");
		services.put("CHIMERA_JUDGE_MODEL_CONCURRENCY", "1024");
		// A publisher loop holds a pooled connection only to claim a batch and to write its outcomes, never during
		// the tool calls: two loops of 64-action batches, their calls 64 at a time (the worker's 128 and these within
		// the MCP server's request threads).
		services.put("CHIMERA_JUDGE_PUBLISH_THREADS", "2");
		services.put("CHIMERA_JUDGE_PUBLISH_BATCH", "64");
		services.put("CHIMERA_JUDGE_PUBLISH_CONCURRENCY", "64");
		services.put("HITL_CONFIDENCE_THRESHOLD", "0.50");
		services.put("POSTS_PER_HOUR", "100000000");
		services.put("POSTS_PER_DAY", "1000000000");
		services.put("POST_MIN_SPACING", "0s");
		services.put("CHIMERA_TOOLS_PACING_JITTER", "0s");
		services.putAll(tools);
		LocalOptions local = LocalOptions.fromEnvironment(env, new String[0]).withEnv(services);
		BenchRun.log("starting the services (" + options.javaOpts() + ", java " + Runtime.version() + ")");
		long started = System.nanoTime();
		ChimeraLocal running = ChimeraLocal.start(local, Duration.ofSeconds(300));
		BenchRun.log("services ready in " + (System.nanoTime() - started) / 1_000_000_000 + " s");
		return running;
	}

	/** The planner's environment after phase 1: the lists' default bound, as deployed. */
	static final Map<String, String> BOUNDED_PLANNER = Map.of("CHIMERA_PLANNER_DISPATCH_MAX_WAITING", "10000");

	/**
	 * The worker's and the judge's environment for the realistic phase: a model that answers after a delay
	 * (±25%), and as many tasks in flight as the offered rate times the worker's latency.
	 */
	static Map<String, String> delayedModel(BenchOptions options) {
		Map<String, String> delayed = new HashMap<>();
		delayed.put("CHIMERA_MODELS_OFFLINE_ROLES_WORKER_LATENCY", options.workerLatency().toMillis() + "ms");
		delayed.put("CHIMERA_MODELS_OFFLINE_ROLES_WORKER_JITTER", options.workerLatency().toMillis() / 4 + "ms");
		delayed.put("CHIMERA_MODELS_OFFLINE_ROLES_JUDGE_LATENCY", options.judgeLatency().toMillis() + "ms");
		delayed.put("CHIMERA_MODELS_OFFLINE_ROLES_JUDGE_JITTER", options.judgeLatency().toMillis() / 4 + "ms");
		long inFlight = (long) options.rate() * (options.workerLatency().toMillis() * 5 / 4) / 1000 + 256;
		delayed.put("CHIMERA_WORKER_CONCURRENCY", String.valueOf(Math.min(4096, inFlight)));
		return delayed;
	}
}
