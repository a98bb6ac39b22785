package tech.aiqem.chimera.planner.campaign;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import tech.aiqem.chimera.embedded.TestServices;

import static org.assertj.core.api.Assertions.assertThat;

/** Planning a campaign on real PostgreSQL, with the offline model and what memory says the agent covered. */
class CampaignPlannerIntegrationTests {

	private static final Instant NOW = Instant.parse("2026-03-01T09:00:00Z");

	private JdbcClient jdbc;

	private CampaignPlanner planner;

	private final PlannerFakes.Memory memory = new PlannerFakes.Memory();

	private final PlannerFakes.CountingModel model = new PlannerFakes.CountingModel();

	private UUID agent;

	@BeforeEach
	void database() throws Exception {
		String url = TestServices.freshPostgresDatabase();
		DataSource dataSource = new SimpleDriverDataSource(new org.postgresql.Driver(), url);
		Flyway.configure().dataSource(dataSource).locations("classpath:db/migrations").load().migrate();
		this.jdbc = JdbcClient.create(dataSource);
		this.planner = new CampaignPlanner(this.jdbc, new TransactionTemplate(new DataSourceTransactionManager(dataSource)),
				this.model, new TaskWriter(tech.aiqem.chimera.ledger.Ledger.on(dataSource)), PlannerFakes.properties(), Clock.fixed(NOW, ZoneOffset.UTC),
				new FreshTopics(this.memory, this.model, PlannerFakes.properties()));
		UUID tenant = UUID.randomUUID();
		this.agent = UUID.randomUUID();
		this.jdbc.sql("INSERT INTO tenants (id, name) VALUES (?, 'acme')").param(tenant).update();
		this.jdbc.sql("""
				INSERT INTO agents (id, tenant_id, name, persona_file_path, persona_source, persona, social_accounts, status)
				VALUES (?, ?, 'Selam', 'soul://selam/SOUL.md', ?, '{}'::jsonb, '{"twitter":{"username":"selam"}}'::jsonb, 'active')
				""").params(this.agent, tenant, PlannerFakes.SOUL).update();
		this.jdbc.sql("""
				INSERT INTO campaigns (tenant_id, agent_id, name, goals, status, started_at, duration_days, posts_per_day,
				                       estimated_posts, next_plan_at)
				VALUES (?, ?, 'Kemis week', '{"text":"Grow the kemis audience"}'::jsonb, 'active', ?, 1, 3, 3, ?)
				""").params(tenant, this.agent, Timestamp.from(NOW), Timestamp.from(NOW)).update();
	}

	private List<String> plannedTopics() {
		return this.jdbc.sql("SELECT context->>'topic' FROM tasks WHERE agent_id = ? ORDER BY slot")
			.param(this.agent)
			.query(String.class)
			.list();
	}

	@Test
	void aTopicTheAgentCoveredRecentlyIsNotPlannedAgain() {
		this.memory.similarity.put("Habesha kemis — designer spotlight", 0.81);

		assertThat(this.planner.planDueCampaigns()).isTrue();

		assertThat(plannedTopics()).hasSize(3)
			.doesNotContain("Habesha kemis — designer spotlight")
			.containsExactly("Ethiopian fashion — designer spotlight", "Ethiopian fashion — styling tip",
					"Habesha kemis — styling tip");
		assertThat(this.model.calls).hasValue(2);
	}

	@Test
	void withNothingCoveredThePlanIsTheModelsFirstAnswer() {
		assertThat(this.planner.planDueCampaigns()).isTrue();

		assertThat(plannedTopics()).containsExactly("Ethiopian fashion — designer spotlight",
				"Habesha kemis — designer spotlight", "Ethiopian fashion — styling tip");
		assertThat(this.model.calls).hasValue(1);
		assertThat(this.memory.searched).hasSize(3);
	}
}
