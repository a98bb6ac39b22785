package tech.aiqem.chimera.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The machine and settings a run's figures were taken on, for the table's heading. */
final class BenchEnvironment {

	private BenchEnvironment() {
	}

	static String describe(BenchOptions options) {
		String cpu = "unknown CPU";
		try {
			cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
				.map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse(cpu);
		}
		catch (Exception ex) {
			// keep unknown
		}
		return "Machine: " + Runtime.getRuntime().availableProcessors() + " cores (" + cpu + "), "
				+ Math.round(osMemoryGb()) + " GiB; services on Java " + Runtime.version() + " ("
				+ System.getProperty("java.vm.vendor") + ") with `" + options.javaOpts()
				+ "` and heaps " + Arrays.stream(Service.values()).map(s -> s.module() + " " + s.heap() + (s.jvmOptions().isEmpty() ? "" : " " + String.join(" ", s.jvmOptions())))
					.collect(Collectors.joining(", "))
				+ "; embedded PostgreSQL 17 (fsync on) and Redis 7 on the same cores. Phases: ingestion "
				+ options.ingest().toSeconds() + " s, pipeline " + options.pipeline().toSeconds() + " s, latency "
				+ options.latency().toSeconds() + " s, realistic " + options.realistic().toSeconds() + " s (worker model "
				+ options.workerLatency().toMillis() + " ms, judge model " + options.judgeLatency().toMillis()
				+ " ms, ±25%), " + options.agents() + " agents; tools: " + (options.hostedTools()
						? "hosted stand-ins (X, Ideogram, Weaviate shapes; not the hosted services) answering after "
								+ options.toolsLatency().toMillis() + " ms ±25%"
						: "offline (image renderer, Lucene with MiniLM, sandbox platform in mcp-tools)") + ".";
	}

	private static double osMemoryGb() {
		try {
			return Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal:"))
				.mapToLong(l -> Long.parseLong(l.replaceAll("\\D", ""))).findFirst().orElse(0) / 1024.0 / 1024.0;
		}
		catch (Exception ex) {
			return 0;
		}
	}
}
