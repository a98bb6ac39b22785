package tech.aiqem.chimera.orchestrator.task;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;

import tech.aiqem.chimera.model.ChimeraJson;
import tech.aiqem.chimera.orchestrator.system.ApiException;
import tech.aiqem.chimera.orchestrator.system.CurrentTenant;
import tech.aiqem.chimera.orchestrator.system.Listing;

@RestController
@RequestMapping("/v1/tasks")
class TaskController {

	private static final Set<String> STATUSES = Set.of("pending", "in_progress", "review", "complete", "failed");

	private final JdbcClient jdbc;

	TaskController(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Operation(summary = "The tenant's tasks, newest first, optionally of one campaign, agent or status")
	@GetMapping
	Listing<TaskView> list(CurrentTenant tenant, @RequestParam(name = "campaign_id", required = false) UUID campaign,
			@RequestParam(name = "agent_id", required = false) UUID agent,
			@RequestParam(required = false) String status, @RequestParam(defaultValue = "50") int limit) {
		if (status != null && !STATUSES.contains(status)) {
			throw ApiException.invalid("status", "must be one of " + String.join(", ", STATUSES));
		}
		if (limit < 1 || limit > 500) {
			throw ApiException.invalid("limit", "must be between 1 and 500");
		}
		List<TaskView> items = this.jdbc.sql("""
				SELECT * FROM tasks WHERE tenant_id = :tenant
				   AND (CAST(:campaign AS uuid) IS NULL OR campaign_id = :campaign)
				   AND (CAST(:agent AS uuid) IS NULL OR agent_id = :agent)
				   AND (CAST(:status AS text) IS NULL OR status = :status)
				 ORDER BY created_at DESC, id LIMIT :limit
				""")
			.param("tenant", tenant.id().value())
			.param("campaign", campaign)
			.param("agent", agent)
			.param("status", status)
			.param("limit", limit)
			.query(TaskController::task)
			.list();
		return Listing.of(items);
	}

	/** One task with its history across services. */
	@Operation(summary = "One task with its history across services")
	@GetMapping("/{taskId}")
	TaskView get(CurrentTenant tenant, @PathVariable UUID taskId) {
		TaskView task = this.jdbc.sql("SELECT * FROM tasks WHERE tenant_id = :tenant AND id = :id")
			.param("tenant", tenant.id().value())
			.param("id", taskId)
			.query(TaskController::task)
			.optional()
			.orElseThrow(() -> ApiException.notFound("task", taskId));
		List<TaskEvent> history = this.jdbc.sql("SELECT at, event, actor, detail FROM task_events WHERE task_id = :id ORDER BY id")
			.param("id", taskId)
			.query((rs, row) -> new TaskEvent(rs.getTimestamp("at").toInstant(), rs.getString("event"), rs.getString("actor"),
					json(rs.getString("detail"))))
			.list();
		return task.withHistory(history);
	}

	/**
	 * A task as the ledger holds it; context and result are the task's own JSON (docs/architecture.md §5).
	 *
	 * @param history its events across services, only in the answer for one task
	 */
	record TaskView(UUID taskId, UUID campaignId, UUID agentId, String taskType, String priority, String status,
			JsonNode context, JsonNode result, BigDecimal confidenceScore, String assignedWorkerId, int retries,
			String errorCode, String errorMessage, String approvedBy, String publishedRef, long stateVersion,
			int goalsRevision, Instant createdAt, Instant scheduledAt, Instant queuedAt, Instant pickedAt,
			Instant judgedAt, Instant approvedAt, Instant completedAt, Instant deadline,
			@JsonInclude(JsonInclude.Include.NON_NULL) List<TaskEvent> history) {

		TaskView withHistory(List<TaskEvent> events) {
			return new TaskView(this.taskId, this.campaignId, this.agentId, this.taskType, this.priority, this.status,
					this.context, this.result, this.confidenceScore, this.assignedWorkerId, this.retries, this.errorCode,
					this.errorMessage, this.approvedBy, this.publishedRef, this.stateVersion, this.goalsRevision,
					this.createdAt, this.scheduledAt, this.queuedAt, this.pickedAt, this.judgedAt, this.approvedAt,
					this.completedAt, this.deadline, events);
		}
	}

	record TaskEvent(Instant at, String event, String actor, JsonNode detail) {
	}

	private static TaskView task(ResultSet rs, int row) throws SQLException {
		return new TaskView(rs.getObject("id", UUID.class), rs.getObject("campaign_id", UUID.class),
				rs.getObject("agent_id", UUID.class), rs.getString("task_type"), rs.getString("priority"),
				rs.getString("status"), json(rs.getString("context")), json(rs.getString("result")),
				rs.getBigDecimal("confidence_score"), rs.getString("assigned_worker_id"), rs.getInt("retries"),
				rs.getString("error_code"), rs.getString("error_message"), rs.getString("approved_by"),
				rs.getString("published_ref"), rs.getLong("state_version"), rs.getInt("goals_revision"),
				instant(rs, "created_at"), instant(rs, "scheduled_at"), instant(rs, "queued_at"), instant(rs, "picked_at"),
				instant(rs, "judged_at"), instant(rs, "approved_at"), instant(rs, "completed_at"), instant(rs, "deadline"),
				null);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp at = rs.getTimestamp(column);
		return at == null ? null : at.toInstant();
	}

	private static JsonNode json(String value) {
		return value == null ? null : ChimeraJson.tree(value);
	}
}
