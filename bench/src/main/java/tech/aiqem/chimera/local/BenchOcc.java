package tech.aiqem.chimera.local;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Phase 6: judges committing to one hot campaign at once, each on its own connection, with the judge
 * committer's optimistic-concurrency statements (read the version, bump it only if unchanged, write the
 * rows, retry with backoff on a conflict). Lost updates are results whose version bump or row is missing.
 */
final class BenchOcc {

	private BenchOcc() {
	}

	/** Commits 20 results per judge from {@code judges} threads at once and reports what was lost and retried. */
	static void run(String jdbcUrl, UUID template, int judges, BenchReport report) throws Exception {
		int perJudge = 20;
		int batch = 5;
		UUID campaign;
		List<UUID> tasks;
		long versionBefore;
		try (Connection connection = DriverManager.getConnection(jdbcUrl)) {
			connection.setAutoCommit(false);
			campaign = BenchLoad.uuids(connection, "SELECT campaign_id FROM tasks WHERE id = '" + template + "'").get(0);
			String key = "bench-occ-" + System.nanoTime();
			try (PreparedStatement insert = connection.prepareStatement("""
					INSERT INTO tasks (id, campaign_id, agent_id, tenant_id, task_type, priority, status, context, state_version,
					                   goals_revision, plan_key, scheduled_at, deadline, created_at)
					SELECT gen_random_uuid(), t.campaign_id, t.agent_id, t.tenant_id, t.task_type, t.priority, 'in_progress',
					       t.context, t.state_version, t.goals_revision, ? || '-' || g, now(), now() + interval '2 hours', now()
					  FROM tasks t CROSS JOIN generate_series(1, ?) g WHERE t.id = ?""")) {
				insert.setString(1, key);
				insert.setInt(2, judges * perJudge);
				insert.setObject(3, template);
				insert.executeUpdate();
			}
			connection.commit();
			tasks = BenchLoad.uuids(connection, "SELECT id FROM tasks WHERE plan_key LIKE '" + key + "-%'");
			versionBefore = BenchLoad.count(connection, "SELECT state_version FROM campaigns WHERE id = '" + campaign + "'");
		}
		AtomicLong attempts = new AtomicLong();
		AtomicLong conflicts = new AtomicLong();
		AtomicLong applied = new AtomicLong();
		CountDownLatch go = new CountDownLatch(1);
		List<Thread> threads = new ArrayList<>();
		for (int j = 0; j < judges; j++) {
			List<UUID> mine = tasks.subList(j * perJudge, (j + 1) * perJudge);
			Thread thread = new Thread(() -> {
				try (Connection connection = DriverManager.getConnection(jdbcUrl)) {
					connection.setAutoCommit(false);
					go.await();
					for (int i = 0; i < mine.size(); i += batch) {
						List<UUID> items = mine.subList(i, Math.min(mine.size(), i + batch));
						for (int attempt = 0;; attempt++) {
							attempts.incrementAndGet();
							if (commitBatch(connection, campaign, items)) {
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
		long reviewed;
		try (Connection connection = DriverManager.getConnection(jdbcUrl)) {
			versionAfter = BenchLoad.count(connection, "SELECT state_version FROM campaigns WHERE id = '" + campaign + "'");
			reviewed = BenchLoad.count(connection, "SELECT COUNT(*) FROM tasks WHERE status = 'review' AND id IN ('"
					+ String.join("','", tasks.stream().map(UUID::toString).toList()) + "')");
		}
		long expected = (long) judges * perJudge;
		long lost = Math.max(expected - (versionAfter - versionBefore), expected - reviewed);
		report.atMost("6. OCC, " + judges + " judges on one campaign: lost updates", lost, 0, "");
		report.info("6. OCC conflict rate (conflicts / commit attempts)", 100.0 * conflicts.get() / attempts.get(), "%");
		report.info("6. OCC retries / commits per second", conflicts.get() + " retries, "
				+ BenchReport.format(applied.get() / seconds) + " results/s committed");
	}

	/** The committer's OCC check and writes for one batch; false on a conflict (rolled back). */
	private static boolean commitBatch(Connection connection, UUID campaign, List<UUID> items) throws SQLException {
		long version = BenchLoad.count(connection, "SELECT state_version FROM campaigns WHERE id = '" + campaign + "'");
		connection.commit();
		try (PreparedStatement bump = connection.prepareStatement(
				"UPDATE campaigns SET state_version = state_version + ?, updated_at = now() WHERE id = ? AND state_version = ?")) {
			bump.setInt(1, items.size());
			bump.setObject(2, campaign);
			bump.setLong(3, version);
			if (bump.executeUpdate() != 1) {
				connection.rollback();
				return false;
			}
		}
		try (PreparedStatement write = connection.prepareStatement(
				"UPDATE tasks SET status = 'review', judged_at = now() WHERE id = ? AND status IN ('pending', 'in_progress')")) {
			for (UUID item : items) {
				write.setObject(1, item);
				write.addBatch();
			}
			write.executeBatch();
		}
		connection.commit();
		return true;
	}

}
