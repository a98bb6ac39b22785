package tech.aiqem.chimera.local;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import tech.aiqem.chimera.embedded.RedisServer;

/**
 * What every phase works with (the running system, its readings, the load, the report) and the steps the
 * phases share: counting what was judged and published, draining what a phase left, sampling memory.
 */
final class BenchRun {

	final BenchOptions options;

	final ChimeraLocal local;

	final BenchProbe probe;

	final BenchLoad load;

	final RedisServer redis;

	final BenchReport report;

	private final Map<Service, Double> peakRss = new LinkedHashMap<>();

	private final Map<Service, Double> peakHeap = new LinkedHashMap<>();

	/** Tasks/s the judge committed in the zero-latency pipeline phase. */
	private double capacity;

	BenchRun(BenchOptions options, ChimeraLocal local, BenchProbe probe, BenchLoad load, RedisServer redis, BenchReport report) {
		this.options = options;
		this.local = local;
		this.probe = probe;
		this.load = load;
		this.redis = redis;
		this.report = report;
	}

	double capacity() {
		return this.capacity;
	}

	void capacity(double tasksPerSecond) {
		this.capacity = tasksPerSecond;
	}

	/** Tasks of the load the judge has judged so far. */
	long judged() throws SQLException {
		try (Connection connection = this.load.connect()) {
			return BenchDatabase.count(connection, "SELECT COUNT(*) FROM tasks WHERE judged_at IS NOT NULL AND plan_key LIKE 'bench-%'");
		}
	}

	/** Tasks of the load published so far. */
	long published() throws SQLException {
		try (Connection connection = this.load.connect()) {
			return BenchDatabase.count(connection, "SELECT COUNT(*) FROM tasks WHERE status = 'complete' AND plan_key LIKE 'bench-%'");
		}
	}

	/** Stops what is left of a phase: pending tasks failed, queues emptied, a few seconds for in-flight work. */
	void drain() throws SQLException {
		this.load.withdrawPending("bench: phase over");
		clearQueues();
		sleep(Duration.ofSeconds(5));
	}

	void clearQueues() {
		io.lettuce.core.RedisClient client = io.lettuce.core.RedisClient.create(this.redis.url());
		try (var connection = client.connect()) {
			connection.sync().del("chimera:tasks:high", "chimera:tasks:medium", "chimera:tasks:low");
		}
		finally {
			client.shutdown();
		}
	}

	/** Samples every service's RSS and heap every 2 s for {@code window}, keeping the peaks. */
	void sampleMemory(Duration window) {
		long end = System.nanoTime() + window.toNanos();
		while (System.nanoTime() < end) {
			this.probe.rssMb().forEach((service, mb) -> this.peakRss.merge(service, mb, Math::max));
			this.probe.scrape().forEach((service, scrape) -> this.peakHeap.merge(service, BenchProbe.heapMb(scrape), Math::max));
			sleep(Duration.ofSeconds(2));
		}
	}

	/** 5. The peaks sampled during loads 2 and 4, against each service's target. */
	void memory() {
		for (Service service : Service.values()) {
			double rss = this.peakRss.getOrDefault(service, Double.NaN);
			String figure = "5. Peak RSS of " + service.label() + " (heap " + BenchReport.format(this.peakHeap.getOrDefault(service, Double.NaN))
					+ " MB), loads 2 and 4";
			this.report.atMost(figure, rss, service == Service.WORKER ? 256 : 512, "MB");
		}
	}

	void awaitReady(Service service) {
		long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
		while (!this.local.isReady(service)) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException(service.label() + " did not come back");
			}
			sleep(Duration.ofMillis(250));
		}
	}

	static double q(PrometheusScrape before, PrometheusScrape after, String histogram, double quantile) {
		return BenchProbe.quantileMs(before, after, histogram, quantile);
	}

	static String ms(Map<Service, PrometheusScrape> before, Map<Service, PrometheusScrape> after, Service service, String timer) {
		return BenchReport.format(BenchProbe.meanMs(before.get(service), after.get(service), timer)) + " ms";
	}

	static Map<String, Double> cpuShare(Map<String, Double> before, Map<String, Double> after, double seconds) {
		Map<String, Double> share = new LinkedHashMap<>();
		after.forEach((name, total) -> share.put(name, (total - before.getOrDefault(name, 0.0)) / seconds));
		return share;
	}

	static String describe(Map<String, Double> cpu) {
		StringBuilder out = new StringBuilder();
		double total = 0;
		for (Map.Entry<String, Double> entry : cpu.entrySet()) {
			out.append(entry.getKey()).append(' ').append(String.format(Locale.ROOT, "%.2f", entry.getValue())).append(", ");
			total += entry.getValue();
		}
		return out.append("total ").append(String.format(Locale.ROOT, "%.2f", total)).toString();
	}

	static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	static void log(String message) {
		System.out.println("[bench " + Instant.now() + "] " + message);
	}
}
