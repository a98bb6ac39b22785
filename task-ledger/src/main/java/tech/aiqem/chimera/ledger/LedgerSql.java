package tech.aiqem.chimera.ledger;

/** The ledger's statements: the only SQL in the code base that writes tasks, their events, the outbox or incidents. */
final class LedgerSql {

	static final String INSERT_TASK = """
			INSERT INTO tasks (id, campaign_id, agent_id, tenant_id, task_type, priority, status, context, state_version,
			                   goals_revision, slot, source_mention_id, replan_of, plan_key, scheduled_at, deadline, created_at)
			VALUES (:id, :campaign, :agent, :tenant, :type, :priority, 'pending', CAST(:context AS jsonb), :version,
			        :revision, :slot, :mention, :replanOf, :planKey, :scheduled, :deadline, :now)
			ON CONFLICT DO NOTHING
			""";

	static final String NOTIFY_DUE = "NOTIFY " + TaskLedger.TASKS_DUE_CHANNEL;

	static final String QUEUED = """
			WITH queued AS (
			  UPDATE tasks SET status = 'in_progress', queued_at = :now WHERE id IN (:ids) AND status = 'pending'
			  RETURNING id, priority)
			INSERT INTO task_events (task_id, at, event, actor, detail)
			SELECT id, :now, 'queued', 'planner', jsonb_build_object('priority', priority) FROM queued
			""";

	static final String UNDISPATCHABLE = """
			UPDATE tasks SET status = 'failed', completed_at = :now, error_message = :problem
			 WHERE id = :id AND status = 'pending'
			""";

	static final String JUDGED = """
			UPDATE tasks SET status = :status, result = CAST(:result AS jsonb), confidence_score = :confidence,
			       assigned_worker_id = :worker, picked_at = :picked, judged_at = :now, error_code = :code,
			       error_message = :message, completed_at = :completed, approved_by = :approvedBy,
			       approved_at = :approvedAt
			 WHERE id = :id AND status IN ('pending', 'in_progress')
			""";

	static final String APPROVED_BY_HUMAN = """
			UPDATE tasks SET approved_by = 'human', approved_at = :now WHERE id = :id AND status = 'review'
			""";

	static final String REJECTED_BY_HUMAN = """
			UPDATE tasks SET status = 'failed', completed_at = :now, error_message = :message
			 WHERE id = :id AND status = 'review'
			""";

	static final String PUBLISHED = """
			UPDATE tasks SET status = :status, published_ref = COALESCE(:ref, published_ref),
			       completed_at = CASE WHEN :status = 'complete' THEN :now ELSE completed_at END
			 WHERE id = :id AND status = 'review'
			""";

	static final String PUBLISH_FAILED = """
			UPDATE tasks SET status = 'failed', completed_at = :now, error_code = :code, error_message = :message
			 WHERE id = :id AND status = 'review'
			""";

	static final String PAYMENTS_CONFIRMED = """
			UPDATE tasks t SET status = 'complete', completed_at = COALESCE(x.confirmed_at, :now), published_ref = x.transaction_hash
			  FROM transactions x
			 WHERE x.task_id = t.id AND x.status = 'confirmed' AND t.status = 'review' AND t.task_type = 'execute_transaction'
			""";

	static final String PAYMENTS_FAILED = """
			UPDATE tasks t SET status = 'failed', completed_at = :now, error_message = COALESCE(x.error_message, 'transaction failed on chain')
			  FROM transactions x
			 WHERE x.task_id = t.id AND x.status = 'failed' AND t.status = 'review' AND t.task_type = 'execute_transaction'
			""";

	/**
	 * Fails (E2001) tasks left in progress, or in review with nothing that will move them on (no open
	 * human review, outbox row or pending transaction), past their deadline: each with a {@code swept}
	 * event and a {@code task_stuck} incident. Returns one row per task swept.
	 */
	static final String SWEEP_STUCK = """
			WITH stuck AS (
			  SELECT t.id, t.status AS was FROM tasks t
			   WHERE t.status IN ('in_progress', 'review') AND t.deadline < :cutoff
			     AND (t.status = 'in_progress'
			          OR (NOT EXISTS (SELECT 1 FROM hitl_reviews h WHERE h.task_id = t.id AND h.decision IS NULL)
			              AND NOT EXISTS (SELECT 1 FROM publications p WHERE p.task_id = t.id AND p.status = 'pending')
			              AND NOT EXISTS (SELECT 1 FROM transactions x WHERE x.task_id = t.id AND x.status = 'pending')))
			   ORDER BY t.deadline
			   LIMIT :limit
			   FOR NO KEY UPDATE OF t SKIP LOCKED),
			swept AS (
			  UPDATE tasks t SET status = 'failed', completed_at = :now, error_code = 'E2001',
			         error_message = 'not finished by its deadline plus grace: left ' || s.was || ' and held nowhere that would finish it'
			    FROM stuck s WHERE t.id = s.id AND t.status = s.was
			  RETURNING t.id, t.tenant_id, t.agent_id, t.campaign_id, t.deadline, s.was),
			events AS (
			  INSERT INTO task_events (task_id, at, event, actor, detail)
			  SELECT id, :now, 'swept', 'sweeper', jsonb_build_object('was', was, 'deadline', deadline) FROM swept)
			INSERT INTO incidents (tenant_id, agent_id, campaign_id, task_id, code, kind, message, detail, created_at)
			SELECT tenant_id, agent_id, campaign_id, id, 'E2001', 'task_stuck',
			       'Task ' || id || ' was still ' || was || ' past its deadline plus grace; it was failed (E2001)',
			       jsonb_build_object('was', was, 'deadline', deadline), :now
			  FROM swept
			ON CONFLICT DO NOTHING
			""";

	static final String INSERT_EVENT = """
			INSERT INTO task_events (task_id, at, event, actor, detail) VALUES (:task, :at, :event, :actor, CAST(:detail AS jsonb))
			""";

	static final String INSERT_PUBLICATION = """
			INSERT INTO publications (task_id, tenant_id, agent_id, action, payload, next_attempt_at, created_at)
			VALUES (:task, :tenant, :agent, :action, CAST(:payload AS jsonb), :now, :now)
			ON CONFLICT (task_id) DO NOTHING
			""";

	static final String INSERT_REVIEW = """
			INSERT INTO hitl_reviews (task_id, tenant_id, agent_id, content, confidence_score, reasoning_trace, reason_code,
			                          review_deadline, created_at, findings)
			VALUES (:task, :tenant, :agent, CAST(:content AS jsonb), :confidence, :reasoning, :code, :deadline, :now,
			        CAST(:findings AS jsonb))
			ON CONFLICT (task_id) DO NOTHING
			""";

	static final String INSERT_INCIDENT = """
			INSERT INTO incidents (tenant_id, agent_id, campaign_id, task_id, code, kind, message, detail, created_at)
			VALUES (:tenant, :agent, :campaign, :task, :code, :kind, :message, CAST(:detail AS jsonb), :at)
			ON CONFLICT DO NOTHING
			""";

	static final String ADVANCE_IF = """
			UPDATE campaigns SET state_version = state_version + :by, updated_at = :now
			 WHERE id = :id AND state_version = :expected
			""";

	static final String ADVANCE = """
			UPDATE campaigns SET state_version = state_version + 1, updated_at = :now WHERE id = :id
			""";

	/**
	 * Takes up to {@code :limit} due items of active agents, oldest due first, and moves them out of reach
	 * until the lease ends, in one statement: the row locks last only for it, never across the tool calls, and
	 * rows another claimer holds are skipped, not waited for. An agent that is not active has its items left
	 * where they are, due, until it is resumed.
	 */
	static final String CLAIM_PUBLICATIONS = """
			WITH due AS (
			  SELECT p.task_id FROM publications p JOIN agents a ON a.id = p.agent_id
			   WHERE p.status = 'pending' AND p.next_attempt_at <= :now AND a.status = 'active'
			   ORDER BY p.next_attempt_at
			   LIMIT :limit
			   FOR NO KEY UPDATE OF p SKIP LOCKED)
			UPDATE publications p SET next_attempt_at = :leaseUntil
			  FROM due, tasks t, campaigns c
			 WHERE p.task_id = due.task_id AND t.id = p.task_id AND c.id = t.campaign_id
			RETURNING p.task_id, p.tenant_id, p.agent_id, p.payload, p.attempts, t.status AS task_status,
			          t.goals_revision AS planned_revision, c.goals_revision AS campaign_revision, c.status AS campaign_status
			""";

	static final String PUBLICATION_DONE = """
			UPDATE publications SET status = :status, external_ref = :ref, last_error = :error, done_at = :now,
			       attempts = attempts + 1 WHERE task_id = :task AND status = 'pending'
			""";

	static final String PUBLICATION_DEFERRED = """
			UPDATE publications SET next_attempt_at = :next, last_error = COALESCE(:error, last_error) WHERE task_id = :task
			""";

	static final String PUBLICATION_RETRY = """
			UPDATE publications SET attempts = :attempts, last_error = :error, next_attempt_at = :next WHERE task_id = :task
			""";

	private LedgerSql() {
	}
}
