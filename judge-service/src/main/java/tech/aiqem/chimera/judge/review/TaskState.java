package tech.aiqem.chimera.judge.review;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;

import tech.aiqem.chimera.model.ChimeraJson;
import tech.aiqem.chimera.model.TaskType;
import tech.aiqem.chimera.model.message.TaskContext;

/**
 * A task and the state of its campaign as the judge validates a result against them: what the task was
 * planned against (state version, goals revision) and what the campaign is now.
 */
public record TaskState(UUID taskId, UUID campaignId, UUID agentId, UUID tenantId, String status, TaskType type,
		TaskContext context, long plannedVersion, int plannedRevision, Instant createdAt, int retries,
		String campaignStatus, long campaignVersion, int campaignRevision, BigDecimal budgetTotalUsd,
		BigDecimal spentUsd, String personaSource) {

	public static final String SELECT = """
			SELECT t.id, t.campaign_id, t.agent_id, t.tenant_id, t.status, t.task_type, t.context, t.state_version,
			       t.goals_revision, t.created_at, t.retries,
			       c.status AS campaign_status, c.state_version AS campaign_version, c.goals_revision AS campaign_revision,
			       c.budget_total_usd, c.spent_usd, a.persona_source
			  FROM tasks t JOIN campaigns c ON c.id = t.campaign_id JOIN agents a ON a.id = t.agent_id
			""";

	public static TaskState map(ResultSet rs, int row) throws SQLException {
		return new TaskState(rs.getObject("id", UUID.class), rs.getObject("campaign_id", UUID.class),
				rs.getObject("agent_id", UUID.class), rs.getObject("tenant_id", UUID.class), rs.getString("status"),
				TaskType.of(rs.getString("task_type")), ChimeraJson.read(rs.getString("context"), TaskContext.class),
				rs.getLong("state_version"), rs.getInt("goals_revision"), rs.getTimestamp("created_at").toInstant(),
				rs.getInt("retries"), rs.getString("campaign_status"), rs.getLong("campaign_version"),
				rs.getInt("campaign_revision"), rs.getBigDecimal("budget_total_usd"), rs.getBigDecimal("spent_usd"),
				rs.getString("persona_source"));
	}

	/** Already judged (or ended): a duplicate delivery changes nothing. */
	public boolean settled() {
		return !"pending".equals(this.status) && !"in_progress".equals(this.status);
	}

	/**
	 * Why the result is stale, or null: the campaign is no longer active, its goals changed after the
	 * task was planned, or its total budget is spent. Another task's commit is not a reason.
	 */
	public String staleness() {
		if (!"active".equals(this.campaignStatus)) {
			return "campaign is " + this.campaignStatus;
		}
		if (this.campaignRevision != this.plannedRevision) {
			return "campaign goals changed (planned against revision " + this.plannedRevision + ", now "
					+ this.campaignRevision + ")";
		}
		if (this.budgetTotalUsd != null && this.spentUsd != null && this.spentUsd.compareTo(this.budgetTotalUsd) >= 0) {
			return "campaign budget is spent";
		}
		return null;
	}

	public TaskState withCampaign(String status, long version, int revision, BigDecimal budgetTotal, BigDecimal spent) {
		return new TaskState(this.taskId, this.campaignId, this.agentId, this.tenantId, this.status, this.type, this.context,
				this.plannedVersion, this.plannedRevision, this.createdAt, this.retries, status, version, revision,
				budgetTotal, spent, this.personaSource);
	}
}
