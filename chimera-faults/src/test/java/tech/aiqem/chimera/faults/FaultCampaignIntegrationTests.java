package tech.aiqem.chimera.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import tech.aiqem.chimera.local.Api;
import tech.aiqem.chimera.local.Chain;
import tech.aiqem.chimera.local.RunningChimera;
import tech.aiqem.chimera.local.Service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The fault suite: every service in its own process on real PostgreSQL and Redis, with the offline
 * model and the local chain, runs campaigns while workers, the judge and the planner are killed with
 * SIGKILL at random points, the worker is stopped with SIGTERM, Redis and PostgreSQL are restarted, the MCP
 * server goes down, messages are delivered twice and some model calls hang past the task timeout. Then
 * nothing may be lost, nothing published or paid twice, no budget passed, every failure coded. The short
 * run is part of {@code ./mvnw verify}; {@code -Dchimera.faults.long=true} runs the long one.
 */
class FaultCampaignIntegrationTests {

	private static final Logger log = LoggerFactory.getLogger(FaultCampaignIntegrationTests.class);

	private static final String EMAIL = "admin@faults.test";

	private static final String PASSWORD = "faults-admin-password-not-secret";

	/**
	 * Real time a task may stay open past its deadline before the sweeper fails it. At time scale 2400 a task's
	 * deadline (2 h of campaign time) is 3 s of real time, less than a queue's backlog takes to drain while
	 * services come back; a 20 s grace failed 132 tasks that were only late. This one exceeds the backlog and
	 * still sweeps the lost message's task well before the run drains.
	 */
	private static final Duration SWEEPER_GRACE = Duration.ofSeconds(150);

	@Test
	void nothingIsLostNorDoneTwiceWhileProcessesDieAndDependenciesFail() throws Exception {
		FaultSettings settings = FaultSettings.fromSystemProperties();
		Path data = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "faults-" + settings.name() + "-");
		long runStarted = System.nanoTime();
		try (Servers servers = new Servers(data.resolve("servers"));
				RunningChimera chimera = RunningChimera.start(data, settings.timeScale(), servers.jdbcUrl(),
						servers.redisUrl(), environment(settings));
				Deliveries deliveries = new Deliveries(servers.redisUrl())) {
			Database db = new Database(chimera.jdbcUrl());
			Api api = Api.asAdmin(chimera.url(), EMAIL, PASSWORD);

			String payer = Workload.agent(api, "Fault Payer", Map.of("daily_usd", Workload.PAYER_DAILY_BUDGET_USD));
			String payee = Workload.agent(api, "Fault Payee", Map.of("daily_usd", 10));
			String editor = Workload.agent(api, "Fault Editor", Map.of("daily_usd", 10));
			String payerWallet = db.column("SELECT wallet_address FROM agents WHERE id = '" + payer + "'").get(0);
			String payeeWallet = db.column("SELECT wallet_address FROM agents WHERE id = '" + payee + "'").get(0);
			String editorWallet = db.column("SELECT wallet_address FROM agents WHERE id = '" + editor + "'").get(0);
			// The launcher's faucet funds new wallets; the payee's balance is read before any payment.
			await().atMost(Duration.ofSeconds(90)).until(() -> Chain.usdc(chimera.chain(), payerWallet) >= 100_000000L
					&& Chain.usdc(chimera.chain(), payeeWallet) > 0 && Chain.usdc(chimera.chain(), editorWallet) > 0);
			ChainLedger ledger = new ChainLedger(chimera.chain(), payeeWallet);

			List<String> campaigns = Workload.contentCampaigns(api, settings);
			String payments = Workload.paymentCampaign(api, payer, payeeWallet);
			String edited = Workload.editedCampaign(api, editor, settings);
			List<String> contentAgents = db.column("SELECT agent_id::text FROM campaigns WHERE id IN ('"
					+ String.join("', '", campaigns) + "') ORDER BY agent_id");
			LifecycleFaults lifecycle = new LifecycleFaults(api, db, deliveries,
					new LifecycleFaults.Subjects(contentAgents, payer, editor, edited, payeeWallet));
			long started = System.nanoTime();
			FaultInjector injector = new FaultInjector(chimera, servers, db, deliveries, settings, lifecycle, started);
			List<Injection> injections = injector.run();

			String content = "'" + String.join("', '", campaigns) + "'";
			boolean drained = drained(db, content, settings);
			// A last look for stragglers: anything still moving settles before the audit.
			FaultInjector.pause(Duration.ofSeconds(3));
			Invariants invariants = Invariants.check(db, deliveries, ledger, lifecycle,
					Duration.ofMillis((long) (SWEEPER_GRACE.plusSeconds(10).toMillis() * settings.timeScale())));
			long slowCalls = countInLogs(chimera, Service.WORKER, "TaskRunner", "worker timeout");
			long escalations = Stream.of(Service.values()).mapToLong(s -> countInLogs(chimera, s, "E1002", "after 5 attempts")).sum();
			// whether a call outlasts its whole backoff (and escalates) depends on how long the restart takes; that
			// callers saw the outage and retried it does not
			long retried = Stream.of(Service.values()).mapToLong(s -> countInLogs(chimera, s, "unavailable for", "(attempt ")).sum();
			long lostAnswers = countInLogs(chimera, Service.MCP_TOOLS, "Fault knob:", "answer was lost");
			long threadDeaths = Stream.of(Service.values()).mapToLong(s -> countInLogs(chimera, s, "Exception in thread", "")).sum();
			log.info("Posts whose answer the platform lost after taking them: {}", lostAnswers);
			String report = FaultReport.render(settings, injections, invariants, slowCalls, escalations,
					Duration.ofNanos(System.nanoTime() - runStarted), threadDeaths, drained);
			log.info(report);
			System.out.println(report);
			Files.writeString(Path.of("target").toAbsolutePath().resolve("faults-" + settings.name() + "-report.md"), report);

			assertThat(injections).as("faults injected").hasSize(settings.faults().size());
			assertThat(injections).as("every fault recovered").allSatisfy(i -> assertThat(i.recovery()).as(i.toString()).isNotNull());
			assertThat(injections.stream().map(Injection::fault).distinct()).as("every kind of fault")
				.containsExactlyInAnyOrderElementsOf(settings.faults().stream().distinct().toList());
			if (settings.requireDrain()) {
				// The short run must also settle: a task stuck where nothing will pick it up fails here.
				assertThat(drained).as("every task of an active campaign final within " + settings.drain().toSeconds()
						+ " s after the last fault").isTrue();
			}
			assertThat(invariants.tasks()).as("tasks").isGreaterThanOrEqualTo(settings.plannedPosts());
			assertThat(invariants.lostIds()).as("lost tasks").isEmpty();
			assertThat(invariants.duplicatePosts()).as("posts published twice: " + invariants.duplicatePostRows()).isZero();
			assertThat(invariants.duplicatePayments()).as("payments sent twice").isZero();
			assertThat(invariants.overBudget()).as("budgets passed").isZero();
			assertThat(invariants.failedWithoutCode()).as("failed tasks without an error code").isZero();
			assertThat(threadDeaths).as("threads that died").isZero();
			assertThat(invariants.stuck()).as("tasks in progress past their deadline plus grace").isZero();
			assertThat(invariants.paidAfterWithdrawal()).as("payments sent after their goal was withdrawn").isZero();
			assertThat(invariants.lifecycleViolations()).as("paused agents that posted or paid").isEmpty();
			assertThat(lifecycle.wedgedStillHeld()).as("the wedged thread's message still in the live worker's processing list")
				.isZero();
			assertThat(db.column("SELECT status FROM tasks WHERE id = '" + lifecycle.wedgedTask() + "'"))
				.as("the wedged task, finished after its lease").containsAnyOf("complete", "failed");
			assertThat(db.count("SELECT COUNT(*) FROM incidents WHERE kind = 'task_stuck'"))
				.as("the lost task message's task swept with an incident").isPositive();
			assertThat(slowCalls).as("tasks abandoned after the task timeout (E2001)").isPositive();
			assertThat(retried).as("MCP calls retried with backoff while the server was down").isPositive();
			assertThat(lostAnswers).as("posts whose platform answer was lost after the post went out").isPositive();
			assertThat(db.count("SELECT COUNT(*) FROM transactions WHERE task_id IN (SELECT id FROM tasks WHERE campaign_id = '"
					+ payments + "')")).as("payments made").isPositive();
		}
	}

	/** Every content slot planned and no task of an active campaign left pending, in progress or in review. */
	private static boolean drained(Database db, String contentCampaigns, FaultSettings settings) {
		try {
			await().atMost(settings.drain()).pollInterval(Duration.ofSeconds(1)).ignoreExceptions().until(() ->
					db.count("SELECT COUNT(*) FROM tasks WHERE campaign_id IN (" + contentCampaigns + ") AND slot IS NOT NULL")
							>= settings.plannedPosts()
							&& db.count("""
									SELECT COUNT(*) FROM tasks t JOIN campaigns c ON c.id = t.campaign_id
									 WHERE c.status = 'active' AND t.status IN ('pending', 'in_progress', 'review')
									   AND NOT EXISTS (SELECT 1 FROM hitl_reviews h WHERE h.task_id = t.id AND h.decision IS NULL)""") == 0);
			return true;
		}
		catch (org.awaitility.core.ConditionTimeoutException ex) {
			return false;
		}
	}

	private static Map<String, String> environment(FaultSettings settings) {
		Map<String, String> env = new HashMap<>();
		// Services are restarted many times on two cores: the client compiler alone starts them faster.
		env.put("CHIMERA_JAVA_OPTS", "-Xmx512m -XX:+UseSerialGC -XX:TieredStopAtLevel=1");
		env.put("CHIMERA_ADMIN_EMAIL", EMAIL);
		env.put("CHIMERA_ADMIN_PASSWORD", PASSWORD);
		// The judge publishes what it is confident of; only large payments wait for a human.
		env.put("HITL_CONFIDENCE_THRESHOLD", "0.0");
		env.put("CHIMERA_WORKER_TASK_TIMEOUT", settings.taskTimeout().toMillis() + "ms");
		// Fault knob: a share of the calls that work a task hang far past the task timeout (E2001). It is not in
		// the services' jars: the launcher adds it to their class path.
		env.put("CHIMERA_EXTRA_CLASSPATH", FaultKnob.classpath());
		env.put("CHIMERA_MODELS_OFFLINE_SLOW_SHARE", String.valueOf(settings.slowShare()));
		env.put("CHIMERA_MODELS_OFFLINE_SLOW_LATENCY", "120s");
		// Fault knob: for a share of the posts the platform takes the post and the answer is lost (a timeout), on
		// a platform that posts again on every call: a retry must look the post up, not post it twice.
		env.put("CHIMERA_TOOLS_FAULTS_LOST_ANSWER_SHARE", "0.05");
		// A post whose tools server died mid-call is taken over soon (the sandbox answers in milliseconds).
		env.put("CHIMERA_TOOLS_PLATFORMS_ATTEMPT_LEASE", "20s");
		// A lost task is failed soon after its deadline; a dead publisher's claimed action comes back soon.
		env.put("CHIMERA_SWEEPER_GRACE", SWEEPER_GRACE.toSeconds() + "s");
		env.put("CHIMERA_SWEEPER_INTERVAL", "2s");
		env.put("CHIMERA_JUDGE_PUBLISH_LEASE", "30s");
		return env;
	}

	private static long countInLogs(RunningChimera chimera, Service service, String text, String also) {
		try (Stream<String> lines = Files.lines(chimera.logFile(service))) {
			return lines.filter(line -> line.contains(text) && line.contains(also)).count();
		}
		catch (IOException | java.io.UncheckedIOException ex) {
			return 0;
		}
	}
}
