package tech.aiqem.chimera.budget;

import java.math.BigDecimal;
import java.util.UUID;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;

import tech.aiqem.chimera.embedded.TestServices;
import tech.aiqem.chimera.model.AgentId;
import tech.aiqem.chimera.model.CampaignId;
import tech.aiqem.chimera.model.TenantId;

/** A fresh, migrated database with helpers to add the rows budgets hang on. */
final class BudgetDatabase implements AutoCloseable {

	final HikariDataSource dataSource;

	final JdbcTemplate jdbc;

	final TenantId tenant;

	BudgetDatabase() {
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl(TestServices.freshPostgresDatabase());
		config.setMaximumPoolSize(8);
		this.dataSource = new HikariDataSource(config);
		Flyway.configure().dataSource(this.dataSource).locations("classpath:db/migrations").load().migrate();
		this.jdbc = new JdbcTemplate(this.dataSource);
		this.tenant = new TenantId(UUID.randomUUID());
		this.jdbc.update("INSERT INTO tenants (id, name) VALUES (?, ?)", this.tenant.value(), "tenant-" + this.tenant);
	}

	AgentId agent(BigDecimal dailyUsd, BigDecimal totalUsd) {
		AgentId agent = AgentId.random();
		this.jdbc.update("""
				INSERT INTO agents (id, tenant_id, name, persona_file_path, persona_source, persona, status,
				                    budget_daily_usd, budget_total_usd)
				VALUES (?, ?, ?, 'soul://x/SOUL.md', '# soul', '{}'::jsonb, 'active', ?, ?)
				""", agent.value(), this.tenant.value(), "agent-" + agent, dailyUsd, totalUsd);
		return agent;
	}

	CampaignId campaign(AgentId agent, BigDecimal dailyUsd, BigDecimal totalUsd) {
		CampaignId campaign = CampaignId.random();
		this.jdbc.update("""
				INSERT INTO campaigns (id, tenant_id, agent_id, name, goals, budget_daily_usd, budget_total_usd, status,
				                       duration_days, posts_per_day, estimated_posts)
				VALUES (?, ?, ?, 'summer', '{"text":"goals"}'::jsonb, ?, ?, 'active', 14, 3, 42)
				""", campaign.value(), this.tenant.value(), agent.value(), dailyUsd, totalUsd);
		return campaign;
	}

	String campaignStatus(CampaignId campaign) {
		return this.jdbc.queryForObject("SELECT status FROM campaigns WHERE id = ?", String.class, campaign.value());
	}

	int incidents(String code) {
		return this.jdbc.queryForObject("SELECT count(*) FROM incidents WHERE code = ?", Integer.class, code);
	}

	@Override
	public void close() {
		this.dataSource.close();
	}
}
