package tech.aiqem.chimera.planner.campaign;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import tech.aiqem.chimera.model.ChimeraJson;
import tech.aiqem.chimera.model.Priority;
import tech.aiqem.chimera.model.TaskId;
import tech.aiqem.chimera.model.TaskType;
import tech.aiqem.chimera.model.message.TaskContext;

/**
 * Inserts planned tasks. Each carries what it was planned against (state version, goals revision) and
 * its origin (slot, mention, plan key or the task it replaces), whose unique keys make planning
 * once-only: a second attempt to plan the same thing inserts nothing.
 */
@Component
public class TaskWriter {

	private final JdbcClient jdbc;

	TaskWriter(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Inserts the task unless its origin was planned already; true when it was inserted. */
	public boolean insert(NewTask task) {
		int inserted = this.jdbc.sql("""
				INSERT INTO tasks (id, campaign_id, agent_id, tenant_id, task_type, priority, status, context, state_version,
				                   goals_revision, slot, source_mention_id, replan_of, plan_key, scheduled_at, deadline, created_at)
				VALUES (:id, :campaign, :agent, :tenant, :type, :priority, 'pending', CAST(:context AS jsonb), :version,
				        :revision, :slot, :mention, :replanOf, :planKey, :scheduled, :deadline, :now)
				ON CONFLICT DO NOTHING
				""")
			.param("id", task.id().value())
			.param("campaign", task.campaign().id().value())
			.param("agent", task.campaign().agent().value())
			.param("tenant", task.campaign().tenant().value())
			.param("type", task.type().wire())
			.param("priority", task.priority().wire())
			.param("context", ChimeraJson.write(task.context()))
			.param("version", task.campaign().stateVersion())
			.param("revision", task.campaign().goalsRevision())
			.param("slot", task.slot())
			.param("mention", task.sourceMentionId())
			.param("replanOf", task.replanOf())
			.param("planKey", task.planKey())
			.param("scheduled", Timestamp.from(task.scheduledAt()))
			.param("deadline", Timestamp.from(task.deadline()))
			.param("now", Timestamp.from(task.now()))
			.update();
		if (inserted == 1) {
			event(task.id(), "planned", Map.of("task_type", task.type().wire(), "scheduled_at", task.scheduledAt().toString()),
					task.now());
		}
		return inserted == 1;
	}

	public void event(TaskId task, String event, Map<String, ?> detail, Instant at) {
		this.jdbc.sql("INSERT INTO task_events (task_id, at, event, actor, detail) VALUES (:task, :at, :event, 'planner', CAST(:detail AS jsonb))")
			.param("task", task.value())
			.param("at", Timestamp.from(at))
			.param("event", event)
			.param("detail", ChimeraJson.write(detail))
			.update();
	}

	/** A task to plan and where it came from. */
	public record NewTask(TaskId id, CampaignRow campaign, TaskType type, Priority priority, TaskContext context,
			Integer slot, String sourceMentionId, UUID replanOf, String planKey, Instant scheduledAt, Instant deadline,
			Instant now) {
	}
}
