package tech.aiqem.chimera.faults;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What must hold after a fault run, read from the database, Redis, the sandbox platform's tables and
 * the chain.
 *
 * @param tasks tasks planned
 * @param complete tasks complete
 * @param failed tasks failed
 * @param waiting tasks not final but still somewhere they will be picked up from: pending (not due or
 * their campaign paused), in a Redis list, an open human review, an outbox row
 * @param lost tasks not final and held nowhere
 * @param duplicatePosts posts published twice (same task or same campaign slot twice)
 * @param duplicatePayments payments sent twice (a task with two transactions, or more moved on chain than
 * the confirmed transactions say)
 * @param overBudget agent or campaign budgets (daily or total) whose recorded spend is above the budget
 * @param failedWithoutCode failed tasks with no error code whose reason is a fault's (timeout, unavailable,
 * connection) or not recorded at all
 * @param refused failed tasks with no code and a recorded reason that is no fault: the sandbox platform
 * refusing a text the account already posted, the judge rejecting a result
 * @param errorCodes failed tasks by error code
 * @param lostIds the lost tasks' ids, for whoever reads a failure
 * @param stuck tasks still in progress past their deadline plus the sweeper's grace
 * @param paidAfterWithdrawal payments sent for a goal the operator had taken out of the campaign's goals
 * @param lifecycleViolations what the lifecycle faults saw that must not happen (a paused agent acting)
 * @param duplicatePostRows the posts behind {@code duplicatePosts}, each with its task's state, for whoever
 * reads a failure
 */
record Invariants(long tasks, long complete, long failed, long waiting, long lost, long duplicatePosts,
		long duplicatePayments, long overBudget, long failedWithoutCode, long refused, String errorCodes,
		List<String> lostIds, long stuck, long paidAfterWithdrawal, List<String> lifecycleViolations,
		List<String> duplicatePostRows) {

	/**
	 * @param grace the sweeper's grace in campaign time: a task in progress past its deadline plus it is stuck
	 * (measured against the latest event the system recorded, its own clock)
	 */
	static Invariants check(Database db, Deliveries redis, ChainLedger chain, LifecycleFaults lifecycle,
			java.time.Duration grace) {
		long tasks = db.count("SELECT COUNT(*) FROM tasks");
		long complete = db.count("SELECT COUNT(*) FROM tasks WHERE status = 'complete'");
		long failed = db.count("SELECT COUNT(*) FROM tasks WHERE status = 'failed'");
		Set<String> held = new HashSet<>(redis.taskIdsHeld());
		held.addAll(db.column("SELECT task_id::text FROM hitl_reviews WHERE decision IS NULL"));
		held.addAll(db.column("SELECT task_id::text FROM publications WHERE status = 'pending'"));
		held.addAll(db.column("SELECT task_id::text FROM transactions WHERE status = 'pending' AND task_id IS NOT NULL"));
		List<String> open = db.column("SELECT id::text FROM tasks WHERE status IN ('in_progress', 'review')");
		List<String> lost = open.stream().filter(id -> !held.contains(id)).toList();
		long pending = db.count("SELECT COUNT(*) FROM tasks WHERE status = 'pending'");
		long duplicatePosts = db.count("SELECT COUNT(*) FROM (SELECT idempotency_key FROM sandbox_posts GROUP BY 1 HAVING COUNT(*) > 1) d")
				+ db.count("""
						SELECT COUNT(*) FROM (SELECT t.campaign_id, t.slot FROM sandbox_posts p JOIN tasks t ON p.idempotency_key = t.id::text
						 WHERE t.slot IS NOT NULL GROUP BY 1, 2 HAVING COUNT(*) > 1) d""")
				+ db.count("""
						SELECT COUNT(*) FROM sandbox_posts p LEFT JOIN tasks t ON p.idempotency_key = t.id::text
						 WHERE t.id IS NULL OR t.status <> 'complete'""");
		List<String> duplicatePostRows = db.column("""
				SELECT p.idempotency_key || ' ' || p.platform || '/' || p.account || ' at ' || p.posted_at || ': task '
				       || COALESCE(t.status || COALESCE(' ' || t.error_code, '') || COALESCE(' (' || left(t.error_message, 160) || ')', ''),
				                   'unknown')
				  FROM sandbox_posts p LEFT JOIN tasks t ON p.idempotency_key = t.id::text
				 WHERE t.id IS NULL OR t.status <> 'complete'
				    OR p.idempotency_key IN (SELECT idempotency_key FROM sandbox_posts GROUP BY 1 HAVING COUNT(*) > 1)
				    OR (t.campaign_id, t.slot) IN (SELECT t2.campaign_id, t2.slot FROM sandbox_posts p2
				        JOIN tasks t2 ON p2.idempotency_key = t2.id::text WHERE t2.slot IS NOT NULL GROUP BY 1, 2 HAVING COUNT(*) > 1)
				 ORDER BY p.posted_at""");
		long duplicatePayments = db.count("SELECT COUNT(*) FROM (SELECT task_id FROM transactions WHERE task_id IS NOT NULL GROUP BY 1 HAVING COUNT(*) > 1) d")
				+ chain.surplusTransfers(db);
		long overBudget = db.count("""
				SELECT COUNT(*) FROM (SELECT l.agent_id, l.day FROM spend_ledger l JOIN agents a ON a.id = l.agent_id
				 WHERE a.budget_daily_usd IS NOT NULL GROUP BY l.agent_id, l.day, a.budget_daily_usd
				 HAVING SUM(l.amount_usd) > a.budget_daily_usd) d""")
				+ db.count("""
						SELECT COUNT(*) FROM (SELECT l.agent_id FROM spend_ledger l JOIN agents a ON a.id = l.agent_id
						 WHERE a.budget_total_usd IS NOT NULL GROUP BY l.agent_id, a.budget_total_usd
						 HAVING SUM(l.amount_usd) > a.budget_total_usd) d""")
				+ db.count("""
						SELECT COUNT(*) FROM (SELECT l.campaign_id, l.day FROM spend_ledger l JOIN campaigns c ON c.id = l.campaign_id
						 WHERE c.budget_daily_usd IS NOT NULL GROUP BY l.campaign_id, l.day, c.budget_daily_usd
						 HAVING SUM(l.amount_usd) > c.budget_daily_usd) d""")
				+ db.count("""
						SELECT COUNT(*) FROM (SELECT l.campaign_id FROM spend_ledger l JOIN campaigns c ON c.id = l.campaign_id
						 WHERE c.budget_total_usd IS NOT NULL GROUP BY l.campaign_id, c.budget_total_usd
						 HAVING SUM(l.amount_usd) > c.budget_total_usd) d""");
		// A refusal that is no fault (the platform's duplicate-text guard, a judge's or a human's rejection)
		// fails a task with its reason and no code; a failure caused by a fault must carry its code.
		long withoutCode = db.count("""
				SELECT COUNT(*) FROM tasks WHERE status = 'failed' AND error_code IS NULL
				   AND (error_message IS NULL OR error_message ~* '(timeout|timed out|unavailable|connection|E100|E200)')""");
		long refused = db.count("SELECT COUNT(*) FROM tasks WHERE status = 'failed' AND error_code IS NULL") - withoutCode;
		String codes = String.join(", ", db.column("""
				SELECT code || ': ' || n FROM (SELECT COALESCE(error_code, 'none') AS code, COUNT(*) AS n FROM tasks
				 WHERE status = 'failed' GROUP BY 1) d ORDER BY 1"""));
		long stuck = db.count("""
				SELECT COUNT(*) FROM tasks WHERE status = 'in_progress'
				   AND deadline + make_interval(secs => %d) < (SELECT MAX(at) FROM task_events)""".formatted(grace.toSeconds()));
		return new Invariants(tasks, complete, failed, pending + (open.size() - lost.size()), lost.size(), duplicatePosts,
				duplicatePayments, overBudget, withoutCode, refused, codes.isEmpty() ? "none" : codes, lost, stuck,
				lifecycle.paidAfterWithdrawal(), lifecycle.violations(), duplicatePostRows);
	}
}
