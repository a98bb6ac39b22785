package tech.aiqem.chimera.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What the benchmark reads from the running system: each service's own meters
 * ({@code /actuator/prometheus}), the CPU time and resident memory of every process from {@code /proc}
 * (services, PostgreSQL with its backends, Redis), and the histogram quantiles of a measured window.
 */
final class BenchProbe {

	private static final long TICKS_PER_SECOND = 100;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final ChimeraLocal local;

	private final Path postgresData;

	BenchProbe(ChimeraLocal local, Path postgresData) {
		this.local = local;
		this.postgresData = postgresData;
	}

	/** One scrape of every service. */
	Map<Service, PrometheusScrape> scrape() {
		Map<Service, PrometheusScrape> scrapes = new EnumMap<>(Service.class);
		for (Service service : Service.values()) {
			try {
				HttpResponse<String> response = this.http.send(HttpRequest
					.newBuilder(URI.create(this.local.url(service) + "/actuator/prometheus")).timeout(Duration.ofSeconds(20)).build(),
						HttpResponse.BodyHandlers.ofString());
				scrapes.put(service, PrometheusScrape.parse(service.label(), response.statusCode() == 200 ? response.body() : ""));
			}
			catch (IOException ex) {
				scrapes.put(service, PrometheusScrape.parse(service.label(), ""));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
		return scrapes;
	}

	/** Seconds of CPU used so far by each process group (a service with its children, PostgreSQL, Redis). */
	Map<String, Double> cpuSeconds() {
		Map<String, Double> cpu = new LinkedHashMap<>();
		for (Service service : Service.values()) {
			cpu.put(service.label(), ticks(this.local.process(service).pid()) / (double) TICKS_PER_SECOND);
		}
		cpu.put("postgresql", ticks(postmaster()) / (double) TICKS_PER_SECOND);
		cpu.put("redis", ProcessHandle.current().descendants().filter(p -> p.info().command().orElse("").contains("redis"))
			.mapToLong(p -> ticksOf(p.pid())).sum() / (double) TICKS_PER_SECOND);
		cpu.put("bench (load driver)", ticksOf(ProcessHandle.current().pid()) / (double) TICKS_PER_SECOND);
		return cpu;
	}

	/** Resident set size of each service now, in MB. */
	Map<Service, Double> rssMb() {
		Map<Service, Double> rss = new EnumMap<>(Service.class);
		for (Service service : Service.values()) {
			rss.put(service, status(this.local.process(service).pid(), "VmRSS:") / 1024.0);
		}
		return rss;
	}

	private long postmaster() {
		try {
			return Long.parseLong(Files.readAllLines(this.postgresData.resolve("postmaster.pid")).get(0).trim());
		}
		catch (IOException | RuntimeException ex) {
			return -1;
		}
	}

	/** CPU ticks of a process and all its descendants. */
	private static long ticks(long pid) {
		if (pid <= 0) {
			return 0;
		}
		long total = ticksOf(pid);
		total += ProcessHandle.of(pid).map(p -> p.descendants().mapToLong(d -> ticksOf(d.pid())).sum()).orElse(0L);
		return total;
	}

	private static long ticksOf(long pid) {
		try {
			String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
			String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			// utime and stime are fields 14 and 15 of stat, 12 and 13 after the command.
			return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
		}
		catch (IOException | RuntimeException ex) {
			return 0;
		}
	}

	private static long status(long pid, String field) {
		try (Stream<String> lines = Files.lines(Path.of("/proc", String.valueOf(pid), "status"))) {
			return lines.filter(l -> l.startsWith(field)).map(l -> l.substring(field.length()).trim().split("\\s+")[0])
				.mapToLong(Long::parseLong).findFirst().orElse(0);
		}
		catch (IOException | RuntimeException ex) {
			return 0;
		}
	}

	/** A counter's (or a timer's count) growth between two scrapes of a service. */
	static double delta(PrometheusScrape before, PrometheusScrape after, String name) {
		return after.sum(name) - before.sum(name);
	}

	/** Heap in use (MB) of a service in one scrape. */
	static double heapMb(PrometheusScrape scrape) {
		return scrape.named("jvm_memory_used_bytes").stream().filter(s -> "heap".equals(s.labels().get("area")))
			.mapToDouble(PrometheusScrape.Sample::value).sum() / (1024 * 1024);
	}

	/**
	 * The quantile (in ms) of what a histogram recorded between two scrapes, read from the bucket counts
	 * the way PromQL's {@code histogram_quantile} does; NaN when it recorded nothing.
	 */
	static double quantileMs(PrometheusScrape before, PrometheusScrape after, String histogram, double q) {
		return after.quantileSince(before, histogram, q) * 1000;
	}

	/** Mean (ms) of what a timer recorded between two scrapes. */
	static double meanMs(PrometheusScrape before, PrometheusScrape after, String timer) {
		double count = delta(before, after, timer + "_count");
		return count <= 0 ? Double.NaN : delta(before, after, timer + "_sum") / count * 1000;
	}

	static List<Service> services() {
		return List.of(Service.values());
	}
}
