package tech.aiqem.chimera.orchestrator.agent;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;

import tech.aiqem.chimera.model.AgentId;
import tech.aiqem.chimera.model.ChimeraJson;
import tech.aiqem.chimera.model.TenantId;
import tech.aiqem.chimera.model.persona.Persona;

/** Agents in PostgreSQL, always scoped by tenant. */
@Repository
class Agents {

	private static final String SELECT = """
			SELECT a.id, a.name, a.status, a.status_reason, a.wallet_address, a.created_at, a.persona, a.social_accounts,
			       a.budget_daily_usd, a.budget_total_usd, a.financial_paused,
			       COALESCE((SELECT SUM(amount_usd) FROM spend_ledger s WHERE s.agent_id = a.id AND s.day = :today), 0) AS spent_today,
			       (SELECT COUNT(*) FROM hitl_reviews h WHERE h.agent_id = a.id AND h.decision IS NULL) AS pending_reviews,
			       (SELECT CASE WHEN COUNT(*) = 0 THEN NULL
			               ELSE COUNT(*) FILTER (WHERE t.approved_by = 'judge')::float / COUNT(*) END
			          FROM tasks t WHERE t.agent_id = a.id AND t.approved_by IS NOT NULL) AS autonomy_rate
			  FROM agents a
			""";

	private final JdbcClient jdbc;

	Agents(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(TenantId tenant, AgentId id, String name, String soul, Persona persona, Map<String, ?> socialAccounts,
			BigDecimal dailyBudget, BigDecimal totalBudget, String walletAddress, Instant now) {
		this.jdbc.sql("""
				INSERT INTO agents (id, tenant_id, name, persona_file_path, persona_source, persona, wallet_address,
				                    social_accounts, budget_daily_usd, budget_total_usd, status, created_at, updated_at)
				VALUES (:id, :tenant, :name, :path, :soul, CAST(:persona AS jsonb), :wallet, CAST(:social AS jsonb),
				        :daily, :total, 'active', :now, :now)
				""")
			.param("id", id.value())
			.param("tenant", tenant.value())
			.param("name", name)
			.param("path", "soul://" + id + "/SOUL.md")
			.param("soul", soul)
			.param("persona", ChimeraJson.write(persona))
			.param("wallet", walletAddress)
			.param("social", ChimeraJson.write(socialAccounts))
			.param("daily", dailyBudget)
			.param("total", totalBudget)
			.param("now", Timestamp.from(now))
			.update();
	}

	void setWallet(AgentId id, String address) {
		this.jdbc.sql("UPDATE agents SET wallet_address = :address WHERE id = :id")
			.param("address", address)
			.param("id", id.value())
			.update();
	}

	boolean nameTaken(TenantId tenant, String name) {
		return this.jdbc.sql("SELECT COUNT(*) FROM agents WHERE tenant_id = :tenant AND name = :name AND status <> 'deleted'")
			.param("tenant", tenant.value())
			.param("name", name)
			.query(Long.class)
			.single() > 0;
	}

	Optional<AgentView> find(TenantId tenant, AgentId id, LocalDate today) {
		return this.jdbc.sql(SELECT + " WHERE a.tenant_id = :tenant AND a.id = :id AND a.status <> 'deleted'")
			.param("tenant", tenant.value())
			.param("id", id.value())
			.param("today", today)
			.query(Agents::view)
			.optional();
	}

	List<AgentView> list(TenantId tenant, LocalDate today, int limit, int offset) {
		return this.jdbc.sql(SELECT + " WHERE a.tenant_id = :tenant AND a.status <> 'deleted' ORDER BY a.created_at, a.id LIMIT :limit OFFSET :offset")
			.param("tenant", tenant.value())
			.param("today", today)
			.param("limit", limit)
			.param("offset", offset)
			.query(Agents::view)
			.list();
	}

	/** Sets the status; false when the agent does not exist for this tenant. */
	boolean setStatus(TenantId tenant, AgentId id, String status, String reason, Instant now) {
		return this.jdbc.sql("""
				UPDATE agents SET status = :status, status_reason = :reason, updated_at = :now
				 WHERE tenant_id = :tenant AND id = :id AND status <> 'deleted'
				""")
			.param("status", status)
			.param("reason", reason)
			.param("now", Timestamp.from(now))
			.param("tenant", tenant.value())
			.param("id", id.value())
			.update() == 1;
	}

	private static AgentView view(ResultSet rs, int row) throws SQLException {
		Map<String, Object> social = ChimeraJson.mapper().readValue(rs.getString("social_accounts"),
				new TypeReference<Map<String, Object>>() {
				});
		Number autonomy = (Number) rs.getObject("autonomy_rate");
		return new AgentView(new AgentId(rs.getObject("id", UUID.class)), rs.getString("name"), rs.getString("status"),
				rs.getString("status_reason"), rs.getString("wallet_address"), rs.getTimestamp("created_at").toInstant(),
				ChimeraJson.read(rs.getString("persona"), Persona.class), social, rs.getBigDecimal("budget_daily_usd"),
				rs.getBigDecimal("budget_total_usd"), rs.getBoolean("financial_paused"), rs.getBigDecimal("spent_today"),
				rs.getLong("pending_reviews"), autonomy == null ? null : autonomy.doubleValue());
	}
}
