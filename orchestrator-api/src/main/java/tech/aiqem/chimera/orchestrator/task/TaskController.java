package tech.aiqem.chimera.orchestrator.task;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

import tech.aiqem.chimera.model.ChimeraJson;
import tech.aiqem.chimera.orchestrator.system.ApiException;
import tech.aiqem.chimera.orchestrator.system.CurrentTenant;

@RestController
@RequestMapping("/v1/tasks")
class TaskController {

	private static final Set<String> STATUSES = Set.of("pending", "in_progress", "review", "complete", "failed");

	private final JdbcClient jdbc;

	TaskController(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@GetMapping
	Map<String, Object> list(CurrentTenant tenant, @RequestParam(name = "campaign_id", required = false) UUID campaign,
			@RequestParam(name = "agent_id", required = false) UUID agent,
			@RequestParam(required = false) String status, @RequestParam(defaultValue = "50") int limit) {
		if (status != null && !STATUSES.contains(status)) {
			throw ApiException.invalid("status", "must be one of " + String.join(", ", STATUSES));
		}
		if (limit < 1 || limit > 500) {
			throw ApiException.invalid("limit", "must be between 1 and 500");
		}
		List<Map<String, Object>> items = this.jdbc.sql("""
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
		return Map.of("items", items, "count", items.size());
	}

	/** One task with its history across services. */
	@GetMapping("/{taskId}")
	Map<String, Object> get(CurrentTenant tenant, @PathVariable UUID taskId) {
		Map<String, Object> task = this.jdbc.sql("SELECT * FROM tasks WHERE tenant_id = :tenant AND id = :id")
			.param("tenant", tenant.id().value())
			.param("id", taskId)
			.query(TaskController::task)
			.optional()
			.orElseThrow(() -> ApiException.notFound("task", taskId));
		task.put("history", this.jdbc.sql("SELECT at, event, actor, detail FROM task_events WHERE task_id = :id ORDER BY id")
			.param("id", taskId)
			.query((rs, row) -> {
				Map<String, Object> event = new LinkedHashMap<>();
				event.put("at", rs.getTimestamp("at").toInstant());
				event.put("event", rs.getString("event"));
				event.put("actor", rs.getString("actor"));
				event.put("detail", json(rs.getString("detail")));
				return event;
			})
			.list());
		return task;
	}

	private static Map<String, Object> task(ResultSet rs, int row) throws SQLException {
		Map<String, Object> task = new LinkedHashMap<>();
		task.put("task_id", rs.getObject("id", UUID.class));
		task.put("campaign_id", rs.getObject("campaign_id", UUID.class));
		task.put("agent_id", rs.getObject("agent_id", UUID.class));
		task.put("task_type", rs.getString("task_type"));
		task.put("priority", rs.getString("priority"));
		task.put("status", rs.getString("status"));
		task.put("context", json(rs.getString("context")));
		task.put("result", json(rs.getString("result")));
		task.put("confidence_score", rs.getBigDecimal("confidence_score"));
		task.put("assigned_worker_id", rs.getString("assigned_worker_id"));
		task.put("retries", rs.getInt("retries"));
		task.put("error_code", rs.getString("error_code"));
		task.put("error_message", rs.getString("error_message"));
		task.put("approved_by", rs.getString("approved_by"));
		task.put("published_ref", rs.getString("published_ref"));
		task.put("state_version", rs.getLong("state_version"));
		task.put("goals_revision", rs.getInt("goals_revision"));
		for (String column : List.of("created_at", "scheduled_at", "queued_at", "picked_at", "judged_at", "approved_at",
				"completed_at", "deadline")) {
			Timestamp at = rs.getTimestamp(column);
			task.put(column, at == null ? null : at.toInstant());
		}
		return task;
	}

	private static JsonNode json(String value) {
		return value == null ? null : ChimeraJson.tree(value);
	}
}
