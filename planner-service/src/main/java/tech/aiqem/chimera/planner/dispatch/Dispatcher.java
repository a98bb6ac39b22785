package tech.aiqem.chimera.planner.dispatch;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import tech.aiqem.chimera.ledger.TaskLedger;
import tech.aiqem.chimera.model.AgentId;
import tech.aiqem.chimera.model.CampaignId;
import tech.aiqem.chimera.model.ChimeraJson;
import tech.aiqem.chimera.model.Priority;
import tech.aiqem.chimera.model.RedisKeys;
import tech.aiqem.chimera.model.TaskId;
import tech.aiqem.chimera.model.TaskType;
import tech.aiqem.chimera.model.TenantId;
import tech.aiqem.chimera.model.message.TaskContext;
import tech.aiqem.chimera.model.message.TaskMessage;
import tech.aiqem.chimera.planner.config.PlannerProperties;
import tech.aiqem.chimera.queue.ReliableQueue;

/**
 * Pushes tasks that are due to {@code chimera:tasks:{priority}}: claims a batch of committed pending
 * tasks with {@code FOR UPDATE SKIP LOCKED}, pushes them (pipelined, one script call per priority) and
 * marks them in progress in the same transaction. If the commit fails after the push, the tasks are
 * pushed again later: delivery is at least once and every consumer is idempotent on the task id.
 * Tasks of paused campaigns or agents wait. The lists are kept near {@code dispatch-max-waiting} tasks deep: a
 * backlog beyond what workers can take soon stays in PostgreSQL (durable, visible to replanning and the
 * sweeper, costing no Redis memory), and at that depth only high-priority tasks are pushed, so that they never
 * wait behind an older backlog of the others. The lists are refilled a chunk at a time (a batch, or half the bound
 * when that is less): a claim costs a scan of the due index, and one per task taken would keep PostgreSQL busy.
 */
@Component
public class Dispatcher {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Dispatcher.class);

	private static final String CLAIM = """
			SELECT t.id, t.agent_id, t.campaign_id, t.tenant_id, t.task_type, t.priority, t.context, t.created_at,
			       t.deadline, t.state_version, t.goals_revision, t.retries
			  FROM tasks t
			  JOIN campaigns c ON c.id = t.campaign_id AND c.status = 'active'
			  JOIN agents a ON a.id = t.agent_id AND a.status = 'active'
			 WHERE t.status = 'pending' AND t.scheduled_at <= :now
			   AND (t.task_type <> 'execute_transaction' OR NOT a.financial_paused)
			 ORDER BY t.scheduled_at
			 LIMIT :limit
			 FOR NO KEY UPDATE OF t SKIP LOCKED
			""";

	/** The same claim for high-priority tasks only (index {@code idx_tasks_due_high}), when the lists are full. */
	private static final String CLAIM_HIGH = CLAIM.replace("WHERE t.status = 'pending'",
			"WHERE t.status = 'pending' AND t.priority = 'high'");

	private final JdbcClient jdbc;

	private final TaskLedger ledger;

	private final TransactionTemplate transactions;

	private final ReliableQueue queue;

	private final PlannerProperties properties;

	private final Clock clock;

	private final MeterRegistry meters;

	Dispatcher(JdbcClient jdbc, TaskLedger ledger, TransactionTemplate transactions, ReliableQueue queue, PlannerProperties properties,
			Clock clock, MeterRegistry meters) {
		this.jdbc = jdbc;
		this.ledger = ledger;
		this.transactions = transactions;
		this.queue = queue;
		this.properties = properties;
		this.clock = clock;
		this.meters = meters;
	}

	/** Dispatches one batch; true when there was something to dispatch. */
	public boolean dispatchDue() {
		long room = this.properties.dispatchMaxWaiting() - this.queue.waiting(RedisKeys.taskQueues());
		// Refilled a chunk at a time: while the lists are within a chunk of the bound only high-priority tasks are
		// claimed, so a full pipeline is not refilled by a claim for every few tasks the workers take.
		boolean refill = room >= refillChunk();
		String claim = refill ? CLAIM : CLAIM_HIGH;
		int limit = refill ? (int) Math.min(this.properties.dispatchBatch(), room) : this.properties.dispatchBatch();
		Integer dispatched = this.transactions.execute(status -> {
			Instant now = this.clock.instant();
			List<Claimed> claimed = this.jdbc.sql(claim)
				.param("now", Timestamp.from(now))
				.param("limit", limit)
				.query(Dispatcher::claimed)
				.list();
			if (claimed.isEmpty()) {
				return 0;
			}
			// A row that does not make a valid message is failed on its own; it never blocks the others.
			List<TaskMessage> due = new ArrayList<>();
			for (Claimed row : claimed) {
				if (row.message() != null) {
					due.add(row.message());
				}
				else {
					log.error("Task {} cannot be dispatched: {}", row.id(), row.problem());
					this.ledger.undispatchable(row.id(), row.problem(), now);
				}
			}
			if (due.isEmpty()) {
				return claimed.size();
			}
			Map<Priority, List<String>> byPriority = new EnumMap<>(Priority.class);
			for (TaskMessage task : due) {
				byPriority.computeIfAbsent(task.priority(), p -> new ArrayList<>()).add(ChimeraJson.write(task));
			}
			byPriority.forEach((priority, payloads) -> this.queue.push(RedisKeys.tasks(priority), payloads));
			List<UUID> ids = due.stream().map(task -> task.taskId().value()).toList();
			this.ledger.queued(ids, now);
			// One counter update per kind of task in the batch, not one registry lookup per task.
			Map<String, Integer> ingested = new java.util.HashMap<>();
			for (TaskMessage task : due) {
				ingested.merge(task.taskType().wire() + "|" + task.priority().wire(), 1, Integer::sum);
			}
			ingested.forEach((kind, count) -> Counter.builder("chimera.tasks.ingested")
				.description("Tasks accepted into the priority queues")
				.tag("task_type", kind.substring(0, kind.indexOf('|')))
				.tag("priority", kind.substring(kind.indexOf('|') + 1))
				.register(this.meters)
				.increment(count));
			return due.size();
		});
		return dispatched != null && dispatched > 0;
	}

	/** The room the lists must have before other than high-priority tasks are claimed: a batch, or half the bound. */
	private int refillChunk() {
		return Math.min(this.properties.dispatchBatch(), Math.max(1, this.properties.dispatchMaxWaiting() / 2));
	}

	private static Claimed claimed(ResultSet rs, int row) throws SQLException {
		UUID id = rs.getObject("id", UUID.class);
		try {
			return new Claimed(id, message(rs, row), null);
		}
		catch (RuntimeException ex) {
			return new Claimed(id, null, ex.getMessage());
		}
	}

	private record Claimed(UUID id, TaskMessage message, String problem) {
	}

	private static TaskMessage message(ResultSet rs, int row) throws SQLException {
		Timestamp deadline = rs.getTimestamp("deadline");
		return new TaskMessage(new TaskId(rs.getObject("id", UUID.class)), new AgentId(rs.getObject("agent_id", UUID.class)),
				new CampaignId(rs.getObject("campaign_id", UUID.class)), new TenantId(rs.getObject("tenant_id", UUID.class)),
				TaskType.of(rs.getString("task_type")), Priority.of(rs.getString("priority")),
				ChimeraJson.read(rs.getString("context"), TaskContext.class), null,
				rs.getTimestamp("created_at").toInstant(), deadline == null ? null : deadline.toInstant(),
				rs.getLong("state_version"), rs.getInt("goals_revision"), rs.getInt("retries"));
	}
}
