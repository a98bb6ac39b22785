package tech.aiqem.chimera.tools.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import tech.aiqem.chimera.model.AgentId;
import tech.aiqem.chimera.model.ChimeraJson;
import tech.aiqem.chimera.model.TaskId;
import tech.aiqem.chimera.model.ToolFailure.Reason;
import tech.aiqem.chimera.model.message.Payment;
import tech.aiqem.chimera.model.message.Publication;
import tech.aiqem.chimera.tools.mcp.ToolError;

/**
 * Reads a task's approved action from the outbox and checks a tool call against it; a call that is not
 * the approved action is a {@code not_approved} tool error and changes nothing.
 */
@Component
public class ApprovedActions {

	private static final String FIND = """
			SELECT p.agent_id, p.action, p.status, p.payload::text AS payload, t.approved_by, a.status AS agent_status
			FROM publications p JOIN tasks t ON t.id = p.task_id JOIN agents a ON a.id = p.agent_id
			WHERE p.task_id = ?
			""";

	/** When a paused agent's caller is told to call again. */
	private static final Duration PAUSED_RETRY = Duration.ofMinutes(1);

	private final JdbcTemplate jdbc;

	private final Clock clock;

	ApprovedActions(JdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** The approved post this call must be, or a {@code not_approved} error saying why it is not. */
	public void requirePost(String tool, TaskId task, AgentId agent, OutboxMatch.PostCall call) {
		Publication approved = approved(tool, task, agent, Publication.POST);
		String mismatch = OutboxMatch.post(approved, call);
		if (mismatch != null) {
			throw notApproved(tool, task, mismatch);
		}
	}

	/**
	 * The approved payment this call must be, or a {@code not_approved} error saying why it is not.
	 * @return true when a human approved it (not the judge alone)
	 */
	public boolean requirePayment(String tool, TaskId task, AgentId agent, Payment call) {
		Row row = row(tool, task, agent, Publication.PAY);
		String mismatch = OutboxMatch.payment(ChimeraJson.read(row.payload(), Publication.class), call);
		if (mismatch != null) {
			throw notApproved(tool, task, mismatch);
		}
		return "human".equals(row.approvedBy());
	}

	private Publication approved(String tool, TaskId task, AgentId agent, String action) {
		return ChimeraJson.read(row(tool, task, agent, action).payload(), Publication.class);
	}

	private Row row(String tool, TaskId task, AgentId agent, String action) {
		List<Row> rows = this.jdbc.query(FIND, (rs, n) -> new Row(rs.getObject("agent_id", UUID.class), rs.getString("action"),
				rs.getString("status"), rs.getString("payload"), rs.getString("approved_by"), rs.getString("agent_status")),
				task.value());
		if (rows.isEmpty()) {
			throw notApproved(tool, task, "the task has no approved action in the outbox");
		}
		Row row = rows.get(0);
		if (!row.agent().equals(agent.value())) {
			throw notApproved(tool, task, "the approved action belongs to another agent");
		}
		if (!row.action().equals(action)) {
			throw notApproved(tool, task, "the approved action is a " + row.action() + ", not a " + action);
		}
		if ("failed".equals(row.status())) {
			throw notApproved(tool, task, "the approved action was given up");
		}
		if (!"active".equals(row.agentStatus())) {
			throw agentNotActive(tool, task, agent, row.agentStatus());
		}
		return row;
	}

	/**
	 * The answer to a call for an agent that is not active: not a refusal, the action stays approved and
	 * goes out once the operator resumes the agent.
	 */
	public ToolError agentNotActive(String tool, TaskId task, AgentId agent, String status) {
		Instant retryAt = this.clock.instant().plus(PAUSED_RETRY);
		return new ToolError(Reason.RETRY_LATER, tool + ": not done for task " + task + ": agent " + agent + " is " + status
				+ "; an agent that is not active neither posts nor pays. Call again after it is resumed.", retryAt, Map.of());
	}

	private static ToolError notApproved(String tool, TaskId task, String why) {
		return new ToolError(Reason.NOT_APPROVED, tool + ": refused for task " + task + ": " + why
				+ "; the tools act only on exactly what the judge or a human approved. Nothing was done.");
	}

	private record Row(UUID agent, String action, String status, String payload, String approvedBy, String agentStatus) {
	}
}
