package tech.aiqem.chimera.local;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import tech.aiqem.chimera.ledger.Judgement;
import tech.aiqem.chimera.ledger.Ledger;
import tech.aiqem.chimera.ledger.PlannedTask;
import tech.aiqem.chimera.model.Platform;
import tech.aiqem.chimera.model.message.TaskOutput;

/**
 * Phase 6: judges committing to one hot campaign at once, each on its own connection, the way the judge's
 * committer commits: in one transaction, the campaign's version moved on only if it is still the one read
 * ({@code CampaignVersions.advance}) and the batch written by the task ledger ({@code TaskLedger.judged}),
 * retried with backoff on a conflict. Lost updates are results whose version step or row is missing.
 */
final class BenchOcc {

	private static final int PER_JUDGE = 20;

	private static final int BATCH = 5;

	private BenchOcc() {
	}

	/** Commits 20 results per judge from {@code judges} threads at once and reports what was lost and retried. */
	static void run(String jdbcUrl, BenchLoad load, int judges, BenchReport report) throws Exception {
		BenchTemplates templates = load.templates();
		UUID campaign = templates.firstCampaign();
		List<PlannedTask> planned = templates.ofFirstCampaign("occ-" + System.nanoTime(), judges * PER_JUDGE, Instant.now());
		List<UUID> tasks = planned.stream().map(PlannedTask::id).toList();
		long versionBefore;
		try (SingleConnectionDataSource setup = new SingleConnectionDataSource(jdbcUrl, true)) {
			Ledger ledger = Ledger.on(setup);
			// Planned and queued in one transaction: the dispatcher never sees them pending, only these judges work them.
			BenchDatabase.transactions(setup).executeWithoutResult(status -> {
				ledger.tasks().planned(planned);
				ledger.tasks().queued(tasks, Instant.now());
			});
			versionBefore = version(setup.getConnection(), campaign);
		}
		AtomicLong attempts = new AtomicLong();
		AtomicLong conflicts = new AtomicLong();
		AtomicLong applied = new AtomicLong();
		CountDownLatch go = new CountDownLatch(1);
		List<Thread> threads = new ArrayList<>();
		for (int j = 0; j < judges; j++) {
			List<PlannedTask> mine = planned.subList(j * PER_JUDGE, (j + 1) * PER_JUDGE);
			Thread thread = new Thread(() -> {
				try (SingleConnectionDataSource connection = new SingleConnectionDataSource(jdbcUrl, true)) {
					Judge judge = new Judge(connection);
					go.await();
					for (int i = 0; i < mine.size(); i += BATCH) {
						List<PlannedTask> items = mine.subList(i, Math.min(mine.size(), i + BATCH));
						for (int attempt = 0;; attempt++) {
							attempts.incrementAndGet();
							if (judge.commit(campaign, items)) {
								applied.addAndGet(items.size());
								break;
							}
							conflicts.incrementAndGet();
							Thread.sleep(ThreadLocalRandom.current().nextLong(1, 5L << Math.min(attempt, 5)));
						}
					}
				}
				catch (Exception ex) {
					System.err.println("judge failed: " + ex);
				}
			});
			threads.add(thread);
			thread.start();
		}
		long t0 = System.nanoTime();
		go.countDown();
		for (Thread thread : threads) {
			thread.join();
		}
		double seconds = (System.nanoTime() - t0) / 1e9;
		long versionAfter;
		long judged;
		try (Connection connection = load.connect()) {
			versionAfter = version(load.connect(), campaign);
			judged = BenchDatabase.count(connection, "SELECT COUNT(*) FROM tasks WHERE status = 'review' AND judged_at IS NOT NULL"
					+ " AND id IN ('" + String.join("','", tasks.stream().map(UUID::toString).toList()) + "')");
		}
		long expected = (long) judges * PER_JUDGE;
		long lost = Math.max(expected - (versionAfter - versionBefore), expected - judged);
		report.atMost("6. OCC, " + judges + " judges on one campaign: lost updates", lost, 0, "");
		report.info("6. OCC conflict rate (conflicts / commit attempts)", 100.0 * conflicts.get() / attempts.get(), "%");
		report.info("6. OCC retries / commits per second", conflicts.get() + " retries, "
				+ BenchReport.format(applied.get() / seconds) + " results/s committed");
	}

	private static long version(Connection connection, UUID campaign) throws SQLException {
		try (connection) {
			return BenchDatabase.count(connection, "SELECT state_version FROM campaigns WHERE id = '" + campaign + "'");
		}
	}

	/** One judge on its own connection: reads the campaign's version, then commits a batch against it. */
	private static final class Judge {

		private final SingleConnectionDataSource connection;

		private final Ledger ledger;

		private final TransactionTemplate transactions;

		Judge(SingleConnectionDataSource connection) {
			this.connection = connection;
			this.ledger = Ledger.on(connection);
			this.transactions = BenchDatabase.transactions(connection);
		}

		/** The committer's OCC step and the ledger's writes for one batch; false on a conflict (nothing written). */
		boolean commit(UUID campaign, List<PlannedTask> items) throws SQLException {
			long version = version(this.connection.getConnection(), campaign);
			return Boolean.TRUE.equals(this.transactions.execute(status -> {
				Instant now = Instant.now();
				if (!this.ledger.campaigns().advance(campaign, version, items.size(), now)) {
					return false;
				}
				this.ledger.tasks().judged(items.stream().map(task -> escalated(task, now)).toList(), now);
				return true;
			}));
		}

		/**
		 * Escalated rather than approved: the same statements as an approval (the review item instead of the
		 * outbox row), and nothing for the running publisher to take up in the phases after this one.
		 */
		private static Judgement escalated(PlannedTask task, Instant now) {
			TaskOutput output = TaskOutput.post("text", "OCC " + task.planKey(), null, Platform.TWITTER, null, "bench", true);
			String reasoning = "confidence 0.40 below 0.50";
			return new Judgement(task.id(), task.tenant(), task.agent(), task.campaign(), Judgement.Outcome.HUMAN_REVIEW,
					output, new BigDecimal("0.40"), "bench-occ", now, null, reasoning,
					Map.of("outcome", "human_review", "confidence", "0.40", "reasoning", reasoning), null,
					new Judgement.ReviewItem(Map.of("text", output.text()), reasoning, null, now.plus(Duration.ofDays(1)),
							List.of()),
					null);
		}
	}
}
