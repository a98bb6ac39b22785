package tech.aiqem.chimera.wallet;

import java.math.BigDecimal;
import java.util.UUID;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;

import tech.aiqem.chimera.embedded.TestServices;
import tech.aiqem.chimera.model.AgentId;
import tech.aiqem.chimera.model.CampaignId;
import tech.aiqem.chimera.model.TaskId;
import tech.aiqem.chimera.model.TenantId;

/** A fresh database with the project's migrations, and the rows payments hang on. */
public final class WalletDatabase implements AutoCloseable {

	public final HikariDataSource dataSource;

	public final JdbcTemplate jdbc;

	public WalletDatabase() {
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl(TestServices.freshPostgresDatabase());
		config.setMaximumPoolSize(10);
		this.dataSource = new HikariDataSource(config);
		Flyway.configure().dataSource(this.dataSource).locations("classpath:db/migrations").load().migrate();
		this.jdbc = new JdbcTemplate(this.dataSource);
	}

	public TenantId tenant() {
		TenantId tenant = TenantId.random();
		this.jdbc.update("INSERT INTO tenants (id, name) VALUES (?, ?)", tenant.value(), "tenant-" + tenant);
		return tenant;
	}

	public AgentId agent(TenantId tenant, BigDecimal dailyBudgetUsd) {
		AgentId agent = AgentId.random();
		this.jdbc.update("""
				INSERT INTO agents (id, tenant_id, name, persona_file_path, persona_source, persona, status,
				                    budget_daily_usd)
				VALUES (?, ?, ?, 'soul://x/SOUL.md', '# soul', '{}'::jsonb, 'active', ?)
				""", agent.value(), tenant.value(), "agent-" + agent, dailyBudgetUsd);
		return agent;
	}

	public CampaignId campaign(TenantId tenant, AgentId agent, BigDecimal dailyBudgetUsd) {
		CampaignId campaign = CampaignId.random();
		this.jdbc.update("""
				INSERT INTO campaigns (id, tenant_id, agent_id, name, goals, budget_daily_usd, status, duration_days,
				                       posts_per_day, estimated_posts)
				VALUES (?, ?, ?, 'summer', '{"text":"goals"}'::jsonb, ?, 'active', 14, 3, 42)
				""", campaign.value(), tenant.value(), agent.value(), dailyBudgetUsd);
		return campaign;
	}

	public TaskId paymentTask(TenantId tenant, AgentId agent, CampaignId campaign) {
		TaskId task = TaskId.random();
		this.jdbc.update("""
				INSERT INTO tasks (id, campaign_id, agent_id, tenant_id, task_type, priority, status, context,
				                   state_version, goals_revision, scheduled_at)
				VALUES (?, ?, ?, ?, 'execute_transaction', 'high', 'in_progress', '{}'::jsonb, 0, 1, now())
				""", task.value(), campaign.value(), agent.value(), tenant.value());
		return task;
	}

	public String status(TaskId task) {
		return this.jdbc.queryForObject("SELECT status FROM transactions WHERE task_id = ?", String.class, task.value());
	}

	public int count(String sql, Object... args) {
		return this.jdbc.queryForObject(sql, Integer.class, args);
	}

	@Override
	public void close() {
		this.dataSource.close();
	}
}
