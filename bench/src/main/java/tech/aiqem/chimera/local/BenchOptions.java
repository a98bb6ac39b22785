package tech.aiqem.chimera.local;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How long each benchmark phase runs and what load it offers. The defaults keep a whole run (two
 * start-ups of the system included) under ten minutes on two cores.
 *
 * @param home the repository root (where the services' jars are built)
 * @param ingest how long ingestion is measured
 * @param pipeline how long the zero-latency pipeline is measured
 * @param latency how long the latency per hop is measured at {@code rate}
 * @param realistic how long the delayed-model run is measured at {@code rate}
 * @param warmup load offered before each measured window
 * @param rate tasks per second offered in the latency phases
 * @param workerLatency the worker's simulated model latency in the realistic phase (jitter: a quarter of it)
 * @param judgeLatency the judge's simulated model latency in the realistic phase (jitter: a quarter of it)
 * @param occJudges concurrent judges on one hot campaign
 * @param agents agents (each with one campaign) the load is spread over
 * @param javaOpts options of the services' JVMs
 * @param jfr whether each service records a JFR profile (logs/service-PID.jfr, written when it stops)
 * @param write the markdown file whose benchmark section is replaced by this run's table, or null
 * @param hostedTools true for {@code --tools hosted}: mcp-tools' live adapters against {@link HostedStandIns}
 * instead of its offline defaults (false, the default, keeps runs comparable with the table of record)
 * @param toolsLatency how long the hosted stand-ins take to answer (±25%)
 */
record BenchOptions(Path home, Duration ingest, Duration pipeline, Duration latency, Duration realistic, Duration warmup,
		int rate, Duration workerLatency, Duration judgeLatency, int occJudges, int agents, String javaOpts, boolean jfr, Path write,
		boolean hostedTools, Duration toolsLatency) {

	static BenchOptions parse(String[] args) {
		Path home = Path.of(System.getenv().getOrDefault("CHIMERA_HOME", ".")).toAbsolutePath().normalize();
		Duration ingest = Duration.ofSeconds(60);
		Duration pipeline = Duration.ofSeconds(45);
		Duration latency = Duration.ofSeconds(30);
		Duration realistic = Duration.ofSeconds(45);
		Duration warmup = Duration.ofSeconds(10);
		int rate = 1000;
		Duration workerLatency = Duration.ofSeconds(2);
		Duration judgeLatency = Duration.ofSeconds(1);
		int occJudges = 50;
		int agents = 8;
		String javaOpts = System.getenv().getOrDefault("CHIMERA_JAVA_OPTS", LocalOptions.DEFAULT_JAVA_OPTS);
		Path write = null;
		boolean jfr = false;
		boolean hostedTools = false;
		Duration toolsLatency = Duration.ofMillis(150);
		for (int i = 0; i < args.length; i++) {
			String value = i + 1 < args.length ? args[i + 1] : null;
			switch (args[i]) {
				case "--ingest" -> ingest = seconds(value);
				case "--pipeline" -> pipeline = seconds(value);
				case "--latency" -> latency = seconds(value);
				case "--realistic" -> realistic = seconds(value);
				case "--warmup" -> warmup = seconds(value);
				case "--rate" -> rate = Integer.parseInt(value);
				case "--worker-latency" -> workerLatency = Duration.ofMillis(Long.parseLong(value));
				case "--judge-latency" -> judgeLatency = Duration.ofMillis(Long.parseLong(value));
				case "--occ-judges" -> occJudges = Integer.parseInt(value);
				case "--agents" -> agents = Integer.parseInt(value);
				case "--write" -> write = Path.of(value).toAbsolutePath();
				case "--tools" -> hostedTools = switch (String.valueOf(value)) {
					case "offline" -> false;
					case "hosted" -> true;
					default -> throw new IllegalArgumentException("--tools is offline or hosted, not " + value + "\n" + usage());
				};
				case "--tools-latency" -> toolsLatency = Duration.ofMillis(Long.parseLong(value));
				case "--jfr" -> {
					jfr = true;
					i--;
				}
				case "--quick" -> {
					ingest = pipeline = latency = realistic = Duration.ofSeconds(15);
					warmup = Duration.ofSeconds(5);
					i--;
				}
				default -> throw new IllegalArgumentException("Unknown option " + args[i] + "\n" + usage());
			}
			i++;
		}
		return new BenchOptions(home, ingest, pipeline, latency, realistic, warmup, rate, workerLatency, judgeLatency,
				occJudges, agents, javaOpts, jfr, write, hostedTools, toolsLatency);
	}

	static String usage() {
		return """
				bench/run [--ingest 60] [--pipeline 60] [--latency 30] [--realistic 45] [--warmup 10] (seconds)
				          [--rate 1000] [--worker-latency 2000] [--judge-latency 1000] (ms) [--occ-judges 50]
				          [--agents 8] [--quick] [--jfr] [--write BENCHMARKS.md]
				          [--tools offline|hosted] [--tools-latency 150] (ms)
				  --tools hosted: mcp-tools calls X, Ideogram and Weaviate adapters against local stand-ins with those
				  APIs' shapes (not the hosted services), answering after --tools-latency ±25%; offline (default): the
				  image renderer, embedded Lucene with MiniLM embeddings and the sandbox platform in mcp-tools""";
	}

	private static Duration seconds(String value) {
		return Duration.ofSeconds(Long.parseLong(value));
	}
}
