package tech.aiqem.chimera.orchestrator.campaign;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tech.aiqem.chimera.model.AgentId;
import tech.aiqem.chimera.model.CampaignId;
import tech.aiqem.chimera.model.CampaignSchedule;
import tech.aiqem.chimera.model.ChimeraJson;
import tech.aiqem.chimera.model.TenantId;

/** Campaigns in PostgreSQL, always scoped by tenant. Every change bumps {@code state_version} (OCC). */
@Repository
class Campaigns {

	private static final String SELECT = """
			SELECT c.*, c.goals->>'text' AS goals_text FROM campaigns c
			""";

	private final JdbcClient jdbc;

	Campaigns(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	boolean agentIsActive(TenantId tenant, AgentId agent) {
		return this.jdbc.sql("SELECT status FROM agents WHERE tenant_id = :tenant AND id = :id AND status <> 'deleted'")
			.param("tenant", tenant.value())
			.param("id", agent.value())
			.query(String.class)
			.optional()
			.map("active"::equals)
			.orElseThrow(() -> new IllegalArgumentException("no agent"));
	}

	void insert(TenantId tenant, CampaignId id, CampaignRequests.Create request, CampaignSchedule schedule) {
		Map<String, Object> goals = new LinkedHashMap<>();
		goals.put("text", request.goals().strip());
		goals.put("posts_per_day", schedule.postsPerDay());
		this.jdbc.sql("""
				INSERT INTO campaigns (id, tenant_id, agent_id, name, description, goals, budget_daily_usd, budget_total_usd,
				                       status, started_at, ended_at, created_at, updated_at, duration_days, posts_per_day,
				                       estimated_posts, next_plan_at)
				VALUES (:id, :tenant, :agent, :name, :description, CAST(:goals AS jsonb), :daily, :total, 'active', :start,
				        :end, :start, :start, :days, :perDay, :estimated, :start)
				""")
			.param("id", id.value())
			.param("tenant", tenant.value())
			.param("agent", request.agentId())
			.param("name", request.name().strip())
			.param("description", request.description())
			.param("goals", ChimeraJson.write(goals))
			.param("daily", request.budgetDailyUsd())
			.param("total", request.budgetTotalUsd())
			.param("start", Timestamp.from(schedule.start()))
			.param("end", Timestamp.from(schedule.end()))
			.param("days", schedule.durationDays())
			.param("perDay", schedule.postsPerDay())
			.param("estimated", schedule.estimatedPosts())
			.update();
	}

	Optional<CampaignView> find(TenantId tenant, CampaignId id) {
		return this.jdbc.sql(SELECT + " WHERE c.tenant_id = :tenant AND c.id = :id")
			.param("tenant", tenant.value())
			.param("id", id.value())
			.query(Campaigns::view)
			.optional()
			.map(view -> withTaskCounts(view));
	}

	List<CampaignView> list(TenantId tenant, UUID agent, int limit, int offset) {
		return this.jdbc.sql(SELECT + " WHERE c.tenant_id = :tenant AND (CAST(:agent AS uuid) IS NULL OR c.agent_id = :agent)"
				+ " ORDER BY c.created_at DESC, c.id LIMIT :limit OFFSET :offset")
			.param("tenant", tenant.value())
			.param("agent", agent)
			.param("limit", limit)
			.param("offset", offset)
			.query(Campaigns::view)
			.list();
	}

	/**
	 * Applies an edit in one statement; new goals start a new goals revision, so results planned
	 * against the old goals are invalidated (E1004) and re-planned, and the planner looks at the campaign at once
	 * (a payment the new goals ask for is planned now, not at the next planning step). False when there is no
	 * such campaign.
	 */
	boolean update(TenantId tenant, CampaignId id, CampaignRequests.Update update, Instant now) {
		return this.jdbc.sql("""
				UPDATE campaigns SET
				       name = COALESCE(:name, name),
				       goals = CASE WHEN CAST(:goals AS text) IS NULL THEN goals
				                    ELSE jsonb_set(goals, '{text}', to_jsonb(CAST(:goals AS text))) END,
				       goals_revision = goals_revision + CASE WHEN CAST(:goals AS text) IS NULL THEN 0 ELSE 1 END,
				       budget_daily_usd = COALESCE(:daily, budget_daily_usd),
				       budget_total_usd = COALESCE(:total, budget_total_usd),
				       state_version = state_version + 1,
				       next_plan_at = CASE WHEN CAST(:goals AS text) IS NULL THEN next_plan_at ELSE :now END,
				       updated_at = :now
				 WHERE tenant_id = :tenant AND id = :id
				""")
			.param("name", update.name() == null ? null : update.name().strip())
			.param("goals", update.goals() == null ? null : update.goals().strip())
			.param("daily", update.budgetDailyUsd())
			.param("total", update.budgetTotalUsd())
			.param("now", Timestamp.from(now))
			.param("tenant", tenant.value())
			.param("id", id.value())
			.update() == 1;
	}

	/** Moves between active and paused; other states (completed, cancelled) do not move. */
	Optional<String> setStatus(TenantId tenant, CampaignId id, String status, String reason, Instant now) {
		int updated = this.jdbc.sql("""
				UPDATE campaigns SET status = :status, status_reason = :reason, state_version = state_version + 1,
				       updated_at = :now, next_plan_at = CASE WHEN :status = 'active' THEN :now ELSE next_plan_at END
				 WHERE tenant_id = :tenant AND id = :id AND status IN ('active', 'paused')
				""")
			.param("status", status)
			.param("reason", reason)
			.param("now", Timestamp.from(now))
			.param("tenant", tenant.value())
			.param("id", id.value())
			.update();
		if (updated == 1) {
			return Optional.of(status);
		}
		return this.jdbc.sql("SELECT status FROM campaigns WHERE tenant_id = :tenant AND id = :id")
			.param("tenant", tenant.value())
			.param("id", id.value())
			.query(String.class)
			.optional();
	}

	private CampaignView withTaskCounts(CampaignView view) {
		Map<String, Long> counts = new HashMap<>();
		this.jdbc.sql("SELECT status, COUNT(*) AS n FROM tasks WHERE campaign_id = :id GROUP BY status")
			.param("id", view.campaignId().value())
			.query((rs, row) -> counts.put(rs.getString("status"), rs.getLong("n")))
			.list();
		return new CampaignView(view.campaignId(), view.agentId(), view.name(), view.description(), view.goals(),
				view.status(), view.statusReason(), view.budgetDailyUsd(), view.budgetTotalUsd(), view.spentUsd(),
				view.durationDays(), view.postsPerDay(), view.estimatedPosts(), view.plannedPosts(), view.startedAt(),
				view.endedAt(), view.stateVersion(), view.goalsRevision(), counts);
	}

	private static CampaignView view(ResultSet rs, int row) throws SQLException {
		Timestamp ended = rs.getTimestamp("ended_at");
		BigDecimal spent = rs.getBigDecimal("spent_usd");
		return new CampaignView(new CampaignId(rs.getObject("id", UUID.class)), new AgentId(rs.getObject("agent_id", UUID.class)),
				rs.getString("name"), rs.getString("description"), rs.getString("goals_text"), rs.getString("status"),
				rs.getString("status_reason"), rs.getBigDecimal("budget_daily_usd"), rs.getBigDecimal("budget_total_usd"),
				spent, rs.getInt("duration_days"), rs.getInt("posts_per_day"), rs.getInt("estimated_posts"),
				rs.getInt("next_slot"), rs.getTimestamp("started_at").toInstant(), ended == null ? null : ended.toInstant(),
				rs.getLong("state_version"), rs.getInt("goals_revision"), Map.of());
	}
}
