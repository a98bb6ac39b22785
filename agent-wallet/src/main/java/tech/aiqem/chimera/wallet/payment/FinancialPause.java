package tech.aiqem.chimera.wallet.payment;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

import tech.aiqem.chimera.model.AgentId;
import tech.aiqem.chimera.model.ChimeraJson;
import tech.aiqem.chimera.model.TaskId;
import tech.aiqem.chimera.model.TenantId;

/** E1005: pause the agent's financial tasks and tell the operator, once per pause. */
final class FinancialPause {

	private static final String PAUSE = """
			WITH paused AS (
			  UPDATE agents SET financial_paused = TRUE, updated_at = ?
			  WHERE id = ? AND NOT financial_paused RETURNING id)
			INSERT INTO incidents (tenant_id, agent_id, task_id, code, message, detail, created_at)
			SELECT ?, ?, ?, 'E1005', ?, CAST(? AS jsonb), ? FROM paused
			""";

	private final JdbcTemplate jdbc;

	FinancialPause(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** True when this call paused the agent (and filed the incident). */
	boolean pause(TenantId tenantId, AgentId agentId, TaskId taskId, String message, Map<String, Object> detail,
			Instant at) {
		Timestamp now = Timestamp.from(at);
		return this.jdbc.update(PAUSE, now, agentId.value(), tenantId.value(), agentId.value(), taskId.value(), message,
				ChimeraJson.write(detail), now) > 0;
	}
}
