package tech.aiqem.chimera.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tech.aiqem.chimera.embedded.FreePorts;
import tech.aiqem.chimera.embedded.PostgresServer;
import tech.aiqem.chimera.embedded.RedisServer;

/**
 * The benchmark of issue #11: the services as separate processes (started by the launcher) on real
 * PostgreSQL and Redis, load offered through PostgreSQL as the planner writes it, figures read from the
 * services' own meters and from {@code /proc}, one table printed with the targets beside the figures.
 */
public final class Bench {

	private static final String ADMIN_EMAIL = "admin@bench.local";

	private static final String ADMIN_PASSWORD = "bench-admin-password-not-secret";

	private final BenchOptions options;

	private final BenchReport report = new BenchReport();

	private final Map<Service, Double> peakRss = new LinkedHashMap<>();

	private final Map<Service, Double> peakHeap = new LinkedHashMap<>();

	/** Tasks/s the judge committed in the zero-latency pipeline phase. */
	private double capacity;

	private Bench(BenchOptions options) {
		this.options = options;
	}

	public static void main(String[] args) throws Exception {
		BenchOptions options;
		try {
			options = BenchOptions.parse(args);
		}
		catch (RuntimeException ex) {
			System.err.println(ex.getMessage());
			System.exit(2);
			return;
		}
		new Bench(options).run();
		System.exit(0);
	}

	private void run() throws Exception {
		long started = System.nanoTime();
		Path data = this.options.home().resolve("bench").resolve("target").resolve("bench-" + System.currentTimeMillis());
		Files.createDirectories(data);
		Path pgData = data.resolve("postgres");
		log("data and logs under " + data);
		try (PostgresServer postgres = PostgresServer.start(pgData); RedisServer redis = RedisServer.start(null)) {
			String jdbcUrl = postgres.database("chimera");
			try (ChimeraLocal local = start(data, postgres, redis, Map.of())) {
				BenchProbe probe = new BenchProbe(local, pgData);
				List<UUID> templates = seedTemplates(local, jdbcUrl);
				try (BenchLoad load = new BenchLoad(jdbcUrl, templates)) {
					ingestion(local, probe, load, redis);
					pipeline(local, probe, load, redis, jdbcUrl);
					latency(local, probe, load, redis, jdbcUrl, this.options.rate(), "3.");
					if (this.capacity < this.options.rate() * 0.95) {
						// Above capacity every hop is backlog: the hops themselves, at half the measured capacity.
						latency(local, probe, load, redis, jdbcUrl, (int) Math.max(5, this.capacity / 2), "3b.");
					}
					log("6. OCC: " + this.options.occJudges() + " concurrent judges on one campaign");
					BenchOcc.run(jdbcUrl, templates.get(0), this.options.occJudges(), this.report);
					// The same system with a slower model: only the worker and the judge start again.
					Map<String, String> delayed = new HashMap<>();
					delayed.put("CHIMERA_MODELS_OFFLINE_ROLES_WORKER_LATENCY", this.options.workerLatency().toMillis() + "ms");
					delayed.put("CHIMERA_MODELS_OFFLINE_ROLES_WORKER_JITTER", this.options.workerLatency().toMillis() / 4 + "ms");
					delayed.put("CHIMERA_MODELS_OFFLINE_ROLES_JUDGE_LATENCY", this.options.judgeLatency().toMillis() + "ms");
					delayed.put("CHIMERA_MODELS_OFFLINE_ROLES_JUDGE_JITTER", this.options.judgeLatency().toMillis() / 4 + "ms");
					long inFlight = (long) this.options.rate() * (this.options.workerLatency().toMillis() * 5 / 4) / 1000 + 256;
					delayed.put("CHIMERA_WORKER_CONCURRENCY", String.valueOf(Math.min(4096, inFlight)));
					log("restarting the worker and the judge with the delayed model");
					Thread judge = new Thread(() -> local.relaunch(Service.JUDGE, delayed, Duration.ofSeconds(180)));
					judge.start();
					local.relaunch(Service.WORKER, delayed, Duration.ofSeconds(180));
					judge.join();
					realistic(local, probe, load, redis, jdbcUrl);
				}
			}
		}
		memory();
		String section = "## Run of " + Instant.now() + "\n\n" + environment() + "\n\nTotal wall time "
				+ Duration.ofNanos(System.nanoTime() - started).toSeconds() + " s.";
		String table = this.report.markdown(section);
		System.out.println();
		System.out.println(table);
		if (this.options.write() != null) {
			BenchReport.write(this.options.write(), table);
			log("written to " + this.options.write());
		}
	}

	private ChimeraLocal start(Path data, PostgresServer postgres, RedisServer redis, Map<String, String> more) {
		Map<String, String> env = new HashMap<>();
		env.put("CHIMERA_HOME", this.options.home().toString());
		env.put("CHIMERA_DATA_DIR", data.toString());
		env.put("CHIMERA_BASE_PORT", String.valueOf(FreePorts.consecutive(5)));
		env.put("CHIMERA_TIME_SCALE", "1");
		env.put("POSTGRES_URL", postgres.jdbcUrl("chimera"));
		env.put("REDIS_URL", redis.url());
		env.put("CHIMERA_JAVA_OPTS", this.options.javaOpts() + (this.options.jfr()
				? " -XX:StartFlightRecording=filename=" + data.resolve("logs") + "/service-%p.jfr,settings=profile,dumponexit=true" : ""));
		Map<String, String> services = new HashMap<>();
		services.put("CHIMERA_ADMIN_EMAIL", ADMIN_EMAIL);
		services.put("CHIMERA_ADMIN_PASSWORD", ADMIN_PASSWORD);
		// The load is the benchmark's: nothing waits on the demo's pacing or idle intervals.
		services.put("CHIMERA_PLANNER_INTERVAL", "20ms");
		services.put("CHIMERA_PLANNER_DISPATCH_BATCH", "2000");
		services.put("CHIMERA_PLANNER_DISPATCH_THREADS", "3");
		// Enough tasks in flight to keep the cores busy with an instant model, not so many that the MCP server's
		// request threads overflow (the realistic phase restarts the worker with rate x model latency in flight).
		services.put("CHIMERA_WORKER_CONCURRENCY", "128");
		services.put("CHIMERA_JUDGE_BATCH_SIZE", "1000");
		services.put("CHIMERA_JUDGE_MODEL_CONCURRENCY", "1024");
		// Each publisher loop holds a pooled connection during its tool call: 8 of the pool's 10 at most.
		services.put("CHIMERA_JUDGE_PUBLISH_THREADS", "8");
		services.put("HITL_CONFIDENCE_THRESHOLD", "0.50");
		services.put("POSTS_PER_HOUR", "100000000");
		services.put("POSTS_PER_DAY", "1000000000");
		services.put("POST_MIN_SPACING", "0s");
		services.put("CHIMERA_TOOLS_PACING_JITTER", "0s");
		services.putAll(more);
		LocalOptions options = LocalOptions.fromEnvironment(env, new String[0]).withEnv(services);
		log("starting the services (" + this.options.javaOpts() + ", java " + Runtime.version() + ")");
		long started = System.nanoTime();
		ChimeraLocal local = ChimeraLocal.start(options, Duration.ofSeconds(300));
		log("services ready in " + (System.nanoTime() - started) / 1_000_000_000 + " s");
		return local;
	}

	/** Agents and campaigns through the API; the tasks the planner plans for them are the templates of the load. */
	private List<UUID> seedTemplates(ChimeraLocal local, String jdbcUrl) throws Exception {
		BenchAdmin admin = BenchAdmin.signIn(local.url(Service.ORCHESTRATOR), ADMIN_EMAIL, ADMIN_PASSWORD);
		for (int i = 0; i < this.options.agents(); i++) {
			admin.agentWithCampaign("Bench Agent " + i);
		}
		try (Connection connection = DriverManager.connect(jdbcUrl)) {
			long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
			while (true) {
				List<UUID> templates = BenchLoad.uuids(connection, """
						SELECT DISTINCT ON (campaign_id) id FROM tasks WHERE task_type = 'content_generation'
						 ORDER BY campaign_id, created_at""");
				if (templates.size() >= this.options.agents()) {
					log(templates.size() + " campaigns planned; their first tasks are the load's templates");
					return templates;
				}
				if (System.nanoTime() > deadline) {
					throw new IllegalStateException("the planner planned " + templates.size() + " of " + this.options.agents() + " campaigns");
				}
				Thread.sleep(500);
			}
		}
	}

	/** 1. Tasks/s the dispatcher accepts into the priority queues, with no worker taking them. */
	private void ingestion(ChimeraLocal local, BenchProbe probe, BenchLoad load, RedisServer redis) throws Exception {
		log("1. ingestion for " + this.options.ingest().toSeconds() + " s (worker stopped)");
		local.process(Service.WORKER).stop(Duration.ofSeconds(10));
		try (Connection connection = load.connect()) {
			load.insert(connection, "ingest", 60_000);
		}
		load.keepBacklog("ingest", 60_000);
		sleep(this.options.warmup());
		Map<Service, PrometheusScrape> before = probe.scrape();
		Map<String, Double> cpuBefore = probe.cpuSeconds();
		long t0 = System.nanoTime();
		sleep(this.options.ingest());
		Map<Service, PrometheusScrape> after = probe.scrape();
		double seconds = (System.nanoTime() - t0) / 1e9;
		Map<String, Double> cpu = cpuShare(cpuBefore, probe.cpuSeconds(), seconds);
		load.stop();
		double rate = BenchProbe.delta(before.get(Service.PLANNER), after.get(Service.PLANNER), "chimera_tasks_ingested_total") / seconds;
		this.report.atLeast("1. Ingestion: tasks/s into the queues (dispatcher, " + (long) seconds + " s)", rate, 20_000, "tasks/s");
		this.report.note("Ingestion CPU (cores used of 2): " + describe(cpu));
		// What the dispatcher queued is dropped (those rows stay in progress, unseen); what it did not reach is
		// the next phase's backlog.
		clearQueues(redis);
		local.process(Service.WORKER).restart();
		awaitReady(local, Service.WORKER);
	}

	/** 2. Planned to committed and published, model answering at once: the system's own overhead. */
	private void pipeline(ChimeraLocal local, BenchProbe probe, BenchLoad load, RedisServer redis, String jdbcUrl) throws Exception {
		log("2. whole pipeline for " + this.options.pipeline().toSeconds() + " s (zero-latency model)");
		load.keepBacklog("pipeline", 20_000);
		sleep(this.options.warmup());
		Map<Service, PrometheusScrape> before = probe.scrape();
		Map<String, Double> cpuBefore = probe.cpuSeconds();
		long committedBefore;
		long publishedBefore;
		try (Connection connection = load.connect()) {
			committedBefore = judged(connection);
			publishedBefore = published(connection);
		}
		long t0 = System.nanoTime();
		sampleMemory(probe, this.options.pipeline());
		double seconds = (System.nanoTime() - t0) / 1e9;
		Map<Service, PrometheusScrape> after = probe.scrape();
		Map<String, Double> cpu = cpuShare(cpuBefore, probe.cpuSeconds(), seconds);
		long committed;
		long published;
		try (Connection connection = load.connect()) {
			committed = judged(connection) - committedBefore;
			published = published(connection) - publishedBefore;
		}
		load.stop();
		this.report.atLeast("2. Pipeline: tasks/s planned → committed and published (" + (long) seconds + " s)",
				published / seconds, 2_500, "tasks/s");
		this.report.info("2. Pipeline: tasks/s committed by the judge", committed / seconds, "tasks/s");
		this.capacity = committed / seconds;
		this.report.note("Pipeline, where the time goes, mean per task: queue wait " + ms(before, after, Service.WORKER, "chimera_hop_queue_wait_seconds")
				+ ", work " + ms(before, after, Service.WORKER, "chimera_worker_task_seconds")
				+ ", review wait " + ms(before, after, Service.JUDGE, "chimera_hop_review_wait_seconds")
				+ ", judge commit per batch " + ms(before, after, Service.JUDGE, "chimera_hop_judge_commit_seconds")
				+ ", publish tool call " + ms(before, after, Service.JUDGE, "chimera_tool_latency_seconds")
				+ " (queue and review waits include the standing backlog: this phase measures capacity, not latency)");
		this.report.note("Pipeline CPU (cores used of 2): " + describe(cpu));
		drain(local, redis, jdbcUrl);
	}

	/** 3. Latency per hop at the offered rate, model answering at once. */
	private void latency(ChimeraLocal local, BenchProbe probe, BenchLoad load, RedisServer redis, String jdbcUrl, int rate,
			String n) throws Exception {
		log(n + " latency per hop at " + rate + " tasks/s for " + this.options.latency().toSeconds() + " s");
		load.pace("latency", rate);
		sleep(this.options.warmup());
		Map<Service, PrometheusScrape> before = probe.scrape();
		long t0 = System.nanoTime();
		long publishedBefore;
		try (Connection connection = load.connect()) {
			publishedBefore = published(connection);
		}
		sleep(this.options.latency());
		Map<Service, PrometheusScrape> after = probe.scrape();
		double seconds = (System.nanoTime() - t0) / 1e9;
		long published;
		try (Connection connection = load.connect()) {
			published = published(connection) - publishedBefore;
		}
		load.stop();
		PrometheusScrape w0 = before.get(Service.WORKER);
		PrometheusScrape w1 = after.get(Service.WORKER);
		PrometheusScrape j0 = before.get(Service.JUDGE);
		PrometheusScrape j1 = after.get(Service.JUDGE);
		String at = " at " + rate + "/s";
		this.report.info(n + " Published tasks/s" + at + " offered", published / seconds, "tasks/s");
		this.report.info(n + " Queue wait (planned → picked) p50 / p95" + at, BenchReport.format(q(w0, w1, "chimera_hop_queue_wait_seconds", 0.5))
				+ " / " + BenchReport.format(q(w0, w1, "chimera_hop_queue_wait_seconds", 0.95)) + " ms");
		this.report.atMost(n + " Queue hop p99" + at, q(w0, w1, "chimera_hop_queue_wait_seconds", 0.99), 5, "ms");
		this.report.info(n + " Work p50 / p95 / p99" + at, BenchReport.format(q(w0, w1, "chimera_worker_task_seconds", 0.5)) + " / "
				+ BenchReport.format(q(w0, w1, "chimera_worker_task_seconds", 0.95)) + " / "
				+ BenchReport.format(q(w0, w1, "chimera_worker_task_seconds", 0.99)) + " ms");
		this.report.info(n + " Review wait p50 / p95 / p99" + at, BenchReport.format(q(j0, j1, "chimera_hop_review_wait_seconds", 0.5)) + " / "
				+ BenchReport.format(q(j0, j1, "chimera_hop_review_wait_seconds", 0.95)) + " / "
				+ BenchReport.format(q(j0, j1, "chimera_hop_review_wait_seconds", 0.99)) + " ms");
		this.report.atMost(n + " Judge commit (database) p95" + at, q(j0, j1, "chimera_hop_judge_commit_seconds", 0.95), 10, "ms");
		this.report.info(n + " Planned → committed p50 / p99" + at, BenchReport.format(q(j0, j1, "chimera_task_latency_seconds", 0.5))
				+ " / " + BenchReport.format(q(j0, j1, "chimera_task_latency_seconds", 0.99)) + " ms");
		this.report.atMost(n + " Whole overhead (planned → committed) p95" + at, q(j0, j1, "chimera_task_latency_seconds", 0.95), 50, "ms");
		PrometheusScrape p0 = before.get(Service.PLANNER);
		PrometheusScrape p1 = after.get(Service.PLANNER);
		this.report.atMost(n + " Database queries p95, worst of planner / judge" + at,
				Math.max(q(p0, p1, "jdbc_query_seconds", 0.95), q(j0, j1, "jdbc_query_seconds", 0.95)), 50, "ms");
		drain(local, redis, jdbcUrl);
	}

	/** 4. The model answers after a delay: throughput and end-to-end percentiles at the offered rate. */
	private void realistic(ChimeraLocal local, BenchProbe probe, BenchLoad load, RedisServer redis, String jdbcUrl) throws Exception {
		int rate = this.options.rate();
		log("4. realistic model latency (worker " + this.options.workerLatency().toMillis() + " ms, judge "
				+ this.options.judgeLatency().toMillis() + " ms, ±25%) at " + rate + " tasks/s for " + this.options.realistic().toSeconds() + " s");
		load.pace("realistic", rate);
		sleep(this.options.warmup().plus(this.options.workerLatency()).plus(this.options.judgeLatency()));
		Map<Service, PrometheusScrape> before = probe.scrape();
		long t0 = System.nanoTime();
		long publishedBefore;
		try (Connection connection = load.connect()) {
			publishedBefore = published(connection);
		}
		sampleMemory(probe, this.options.realistic());
		Map<Service, PrometheusScrape> after = probe.scrape();
		double seconds = (System.nanoTime() - t0) / 1e9;
		long published;
		try (Connection connection = load.connect()) {
			published = published(connection) - publishedBefore;
		}
		load.stop();
		PrometheusScrape j0 = before.get(Service.JUDGE);
		PrometheusScrape j1 = after.get(Service.JUDGE);
		String at = " at " + rate + "/s";
		this.report.atLeast("4. Realistic model: published tasks/s" + at + " offered", published / seconds, rate * 0.95, "tasks/s");
		this.report.atMost("4. Realistic model: planned → committed p50" + at, q(j0, j1, "chimera_task_latency_seconds", 0.5), 5_000, "ms");
		this.report.atMost("4. Realistic model: planned → committed p95" + at, q(j0, j1, "chimera_task_latency_seconds", 0.95), 10_000, "ms");
		this.report.atMost("4. Realistic model: planned → committed p99" + at, q(j0, j1, "chimera_task_latency_seconds", 0.99), 30_000, "ms");
		this.report.note("Realistic model, mean per task: queue wait " + ms(before, after, Service.WORKER, "chimera_hop_queue_wait_seconds")
				+ ", work " + ms(before, after, Service.WORKER, "chimera_worker_task_seconds")
				+ ", review wait " + ms(before, after, Service.JUDGE, "chimera_hop_review_wait_seconds")
				+ ", judge commit per batch " + ms(before, after, Service.JUDGE, "chimera_hop_judge_commit_seconds"));
		drain(local, redis, jdbcUrl);
	}

	private void memory() {
		for (Service service : Service.values()) {
			double rss = this.peakRss.getOrDefault(service, Double.NaN);
			String figure = "5. Peak RSS of " + service.label() + " (heap " + BenchReport.format(this.peakHeap.getOrDefault(service, Double.NaN))
					+ " MB), loads 2 and 4";
			this.report.atMost(figure, rss, service == Service.WORKER ? 256 : 512, "MB");
		}
	}

	private void sampleMemory(BenchProbe probe, Duration window) {
		long end = System.nanoTime() + window.toNanos();
		while (System.nanoTime() < end) {
			probe.rssMb().forEach((service, mb) -> this.peakRss.merge(service, mb, Math::max));
			probe.scrape().forEach((service, scrape) -> this.peakHeap.merge(service, BenchProbe.heapMb(scrape), Math::max));
			sleep(Duration.ofSeconds(2));
		}
	}

	/** Stops what is left of a phase: pending tasks failed, queues emptied, a few seconds for in-flight work. */
	private void drain(ChimeraLocal local, RedisServer redis, String jdbcUrl) throws Exception {
		try (Connection connection = DriverManager.connect(jdbcUrl)) {
			BenchLoad.update(connection, "UPDATE tasks SET status = 'failed', error_message = 'bench: phase over' WHERE status = 'pending'");
		}
		clearQueues(redis);
		sleep(Duration.ofSeconds(5));
	}

	private static void clearQueues(RedisServer redis) {
		io.lettuce.core.RedisClient client = io.lettuce.core.RedisClient.create(redis.url());
		try (var connection = client.connect()) {
			connection.sync().del("chimera:tasks:high", "chimera:tasks:medium", "chimera:tasks:low");
		}
		finally {
			client.shutdown();
		}
	}

	private static long judged(Connection connection) throws SQLException {
		return BenchLoad.count(connection, "SELECT COUNT(*) FROM tasks WHERE judged_at IS NOT NULL AND plan_key LIKE 'bench-%'");
	}

	private static long published(Connection connection) throws SQLException {
		return BenchLoad.count(connection, "SELECT COUNT(*) FROM tasks WHERE status = 'complete' AND plan_key LIKE 'bench-%'");
	}

	private static double q(PrometheusScrape before, PrometheusScrape after, String histogram, double quantile) {
		return BenchProbe.quantileMs(before, after, histogram, quantile);
	}

	private static String ms(Map<Service, PrometheusScrape> before, Map<Service, PrometheusScrape> after, Service service, String timer) {
		return BenchReport.format(BenchProbe.meanMs(before.get(service), after.get(service), timer)) + " ms";
	}

	private static Map<String, Double> cpuShare(Map<String, Double> before, Map<String, Double> after, double seconds) {
		Map<String, Double> share = new LinkedHashMap<>();
		after.forEach((name, total) -> share.put(name, (total - before.getOrDefault(name, 0.0)) / seconds));
		return share;
	}

	private static String describe(Map<String, Double> cpu) {
		StringBuilder out = new StringBuilder();
		double total = 0;
		for (Map.Entry<String, Double> entry : cpu.entrySet()) {
			out.append(entry.getKey()).append(' ').append(String.format(java.util.Locale.ROOT, "%.2f", entry.getValue())).append(", ");
			total += entry.getValue();
		}
		return out.append("total ").append(String.format(java.util.Locale.ROOT, "%.2f", total)).toString();
	}

	private static void awaitReady(ChimeraLocal local, Service service) {
		long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
		while (!local.isReady(service)) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException(service.label() + " did not come back");
			}
			sleep(Duration.ofMillis(250));
		}
	}

	private String environment() {
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
				+ System.getProperty("java.vm.vendor") + ") with `" + this.options.javaOpts()
				+ "` and heaps " + java.util.Arrays.stream(Service.values()).map(s -> s.module() + " " + s.heap())
					.collect(java.util.stream.Collectors.joining(", "))
				+ "; embedded PostgreSQL 17 (fsync on) and Redis 7 on the same cores. Phases: ingestion "
				+ this.options.ingest().toSeconds() + " s, pipeline " + this.options.pipeline().toSeconds() + " s, latency "
				+ this.options.latency().toSeconds() + " s, realistic " + this.options.realistic().toSeconds() + " s (worker model "
				+ this.options.workerLatency().toMillis() + " ms, judge model " + this.options.judgeLatency().toMillis()
				+ " ms, ±25%), " + this.options.agents() + " agents.";
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

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static void log(String message) {
		System.out.println("[bench " + Instant.now() + "] " + message);
	}

	/** JDBC connections to the benchmark's database. */
	private static final class DriverManager {

		static Connection connect(String jdbcUrl) throws SQLException {
			return java.sql.DriverManager.getConnection(jdbcUrl);
		}
	}
}
