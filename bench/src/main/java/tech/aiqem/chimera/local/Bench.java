package tech.aiqem.chimera.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tech.aiqem.chimera.embedded.PostgresServer;
import tech.aiqem.chimera.embedded.RedisServer;

import static tech.aiqem.chimera.local.BenchRun.log;

/**
 * The benchmark of issue #11: the services as separate processes (started by the launcher) on real
 * PostgreSQL and Redis, load offered through PostgreSQL as the planner writes it (through the task ledger),
 * figures read from the services' own meters and from {@code /proc}, one table printed with the targets
 * beside the figures. The phases: {@link ThroughputPhases}, {@link LatencyPhases}, {@link BenchOcc}.
 */
public final class Bench {

	private final BenchOptions options;

	private final BenchReport report = new BenchReport();

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
		BenchRun run = null;
		HostedStandIns standIns = this.options.hostedTools() ? HostedStandIns.start(this.options.toolsLatency()) : null;
		Map<String, String> tools = standIns == null ? Map.of() : HostedTools.environment(standIns.url());
		if (standIns != null) {
			log("hosted stand-ins (X, Ideogram, Weaviate) at " + standIns.url() + ", answering after "
					+ this.options.toolsLatency().toMillis() + " ms ±25%");
		}
		try (PostgresServer postgres = PostgresServer.start(pgData); RedisServer redis = RedisServer.start(null)) {
			String jdbcUrl = postgres.database("chimera");
			try (ChimeraLocal local = BenchServices.start(this.options, data, postgres, redis, tools)) {
				BenchProbe probe = new BenchProbe(local, pgData);
				List<UUID> templates = seedTemplates(local, jdbcUrl, standIns == null ? null : data.resolve("media"));
				try (BenchLoad load = new BenchLoad(jdbcUrl, templates)) {
					run = new BenchRun(this.options, local, probe, load, redis, this.report);
					ThroughputPhases.ingestion(run);
					ThroughputPhases.pipeline(run);
					LatencyPhases.latency(run, this.options.rate(), "3.");
					if (run.capacity() < this.options.rate() * 0.95) {
						// Above capacity every hop is backlog: the hops themselves, at half the measured capacity.
						LatencyPhases.latency(run, (int) Math.max(5, run.capacity() / 2), "3b.");
					}
					log("6. OCC: " + this.options.occJudges() + " concurrent judges on one campaign");
					BenchOcc.run(jdbcUrl, load, this.options.occJudges(), this.report);
					// The same system with a slower model: only the worker and the judge start again.
					Map<String, String> delayed = BenchServices.delayedModel(this.options);
					log("restarting the worker and the judge with the delayed model");
					Thread judge = new Thread(() -> local.relaunch(Service.JUDGE, delayed, Duration.ofSeconds(180)));
					judge.start();
					local.relaunch(Service.WORKER, delayed, Duration.ofSeconds(180));
					judge.join();
					LatencyPhases.realistic(run);
				}
			}
		}
		finally {
			if (standIns != null) {
				this.report.note("Hosted stand-ins answered (route, status: calls): " + standIns.calls());
				standIns.close();
			}
		}
		if (run != null) {
			run.memory();
		}
		String section = "## Run of " + Instant.now() + "\n\n" + BenchEnvironment.describe(this.options) + "\n\nTotal wall time "
				+ Duration.ofNanos(System.nanoTime() - started).toSeconds() + " s.";
		String table = this.report.markdown(section);
		System.out.println();
		System.out.println(table);
		if (this.options.write() != null) {
			BenchReport.write(this.options.write(), table);
			log("written to " + this.options.write());
		}
	}

	/**
	 * Agents and campaigns through the API; the tasks the planner plans for them are the templates of the load.
	 * With hosted tools ({@code media} not null) each agent gets what its live accounts need before its campaign.
	 */
	private List<UUID> seedTemplates(ChimeraLocal local, String jdbcUrl, Path media) throws Exception {
		BenchAdmin admin = BenchAdmin.signIn(local.url(Service.ORCHESTRATOR), BenchServices.ADMIN_EMAIL,
				BenchServices.ADMIN_PASSWORD);
		for (int i = 0; i < this.options.agents(); i++) {
			String agent = admin.agent("Bench Agent " + i);
			if (media != null) {
				HostedTools.prepareAgent(jdbcUrl, media, agent);
			}
			admin.campaign(agent, "Bench Agent " + i);
		}
		try (Connection connection = java.sql.DriverManager.getConnection(jdbcUrl)) {
			long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
			while (true) {
				List<UUID> templates = BenchDatabase.uuids(connection, """
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
}
