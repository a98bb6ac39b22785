package tech.aiqem.chimera.orchestrator.incident;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

import io.swagger.v3.oas.annotations.Operation;

import tech.aiqem.chimera.model.ChimeraJson;
import tech.aiqem.chimera.model.ErrorCode;
import tech.aiqem.chimera.orchestrator.system.ApiException;
import tech.aiqem.chimera.orchestrator.system.CurrentTenant;
import tech.aiqem.chimera.orchestrator.system.Listing;

@RestController
class IncidentController {

	private static final String RECENT = """
			SELECT i.id, i.code, i.kind, i.message, i.detail, i.created_at, i.acknowledged_at, i.agent_id, a.name AS agent_name,
			       i.campaign_id, i.task_id
			  FROM incidents i LEFT JOIN agents a ON a.id = i.agent_id
			 WHERE i.tenant_id = :tenant
			   AND (CAST(:agent AS uuid) IS NULL OR i.agent_id = :agent)
			   AND (CAST(:code AS text) IS NULL OR i.code = :code)
			 ORDER BY i.created_at DESC, i.id
			 LIMIT :limit
			""";

	private final JdbcClient jdbc;

	IncidentController(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Operation(summary = "Recent incidents of this tenant, newest first",
			description = "Optionally only one agent's (agent_id) or one error code's (code, E1001..E2002).")
	@GetMapping("/v1/incidents")
	Listing<Incident> recent(CurrentTenant tenant, @RequestParam(defaultValue = "20") int limit,
			@RequestParam(name = "agent_id", required = false) UUID agentId, @RequestParam(required = false) String code) {
		if (limit < 1 || limit > 200) {
			throw ApiException.invalid("limit", "must be between 1 and 200");
		}
		if (code != null) {
			try {
				ErrorCode.valueOf(code);
			}
			catch (IllegalArgumentException ex) {
				throw ApiException.invalid("code", "must be one of E1001..E1006, E2001, E2002");
			}
		}
		List<Incident> items = this.jdbc.sql(RECENT)
			.param("tenant", tenant.id().value())
			.param("agent", agentId)
			.param("code", code)
			.param("limit", limit)
			.query(IncidentController::incident)
			.list();
		return Listing.of(items);
	}

	/**
	 * Something the services reported: code null for kinds that are no error (an overdue review), title and
	 * action say what it means and what to do, detail is the reporter's free-form JSON.
	 */
	record Incident(UUID incidentId, String kind, String code, String title, String action, String message,
			JsonNode detail, UUID agentId, String agentName, UUID campaignId, UUID taskId, Instant createdAt,
			Instant acknowledgedAt) {
	}

	private static final java.util.Set<String> OWN_WORDING = java.util.Set.of("review_overdue", "task_stuck", "payment_withdrawn");

	private static Incident incident(ResultSet rs, int row) throws SQLException {
		// not every incident has an error code: an overdue human review is an escalation (kind review_overdue)
		String codeName = rs.getString("code");
		ErrorCode code = codeName == null ? null : ErrorCode.valueOf(codeName);
		String kind = rs.getString("kind");
		// a kind with its own wording says more than its code (a task swept with E2001 is no worker timeout)
		boolean byCode = code != null && !OWN_WORDING.contains(kind);
		String detail = rs.getString("detail");
		Timestamp acknowledged = rs.getTimestamp("acknowledged_at");
		return new Incident(rs.getObject("id", UUID.class), kind, code == null ? null : code.name(),
				byCode ? code.description() : title(kind), byCode ? code.action() : action(kind), rs.getString("message"),
				detail == null ? null : ChimeraJson.tree(detail), rs.getObject("agent_id", UUID.class),
				rs.getString("agent_name"), rs.getObject("campaign_id", UUID.class), rs.getObject("task_id", UUID.class),
				rs.getTimestamp("created_at").toInstant(), acknowledged == null ? null : acknowledged.toInstant());
	}

	private static String title(String kind) {
		return switch (kind) {
			case "review_overdue" -> "Human review overdue";
			case "task_stuck" -> "Task stuck past its deadline";
			case "payment_withdrawn" -> "Payment withdrawn from the goals";
			default -> kind.replace('_', ' ');
		};
	}

	private static String action(String kind) {
		return switch (kind) {
			case "review_overdue" -> "Decide it in the review queue; until then the result is not published";
			case "task_stuck" -> "It was failed (E2001) so its campaign can finish; see the pipeline page and the service logs";
			case "payment_withdrawn" -> "Nothing was paid; add the payment to the goals again if it is still owed";
			default -> "See the message";
		};
	}
}
