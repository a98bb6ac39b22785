package tech.aiqem.chimera.planner.replan;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
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
import tech.aiqem.chimera.gateway.ModelGateway;
import tech.aiqem.chimera.ledger.Ledger;
import tech.aiqem.chimera.model.ChimeraJson;
import tech.aiqem.chimera.model.Network;
import tech.aiqem.chimera.model.message.Payment;
import tech.aiqem.chimera.model.message.TaskContext;
import tech.aiqem.chimera.planner.campaign.TaskWriter;
import tech.aiqem.chimera.planner.config.PlannerProperties;

import static org.assertj.core.api.Assertions.assertThat;

/** Re-planning invalidated tasks on real PostgreSQL: a payment goes out again only if the goals still ask for it. */
class ReplannerIntegrationTests {

	private static final Instant NOW = Instant.parse("2026-03-01T09:00:00Z");

	private static final String PAYEE = "0x742d35Cc6634C0532925a3b844Bc9e7595f0bEb0";

	private static final String SOUL = """
			# Selam

			## Identity
			A warm fashion insider from Addis Ababa.

			## Topics
			- Ethiopian fashion
			""";

	private JdbcClient jdbc;

	private Replanner replanner;

	private UUID campaign;

	private UUID task;

	@BeforeEach
	void database() throws Exception {
		DataSource dataSource = new SimpleDriverDataSource(new org.postgresql.Driver(), TestServices.freshPostgresDatabase());
		Flyway.configure().dataSource(dataSource).locations("classpath:db/migrations").load().migrate();
		this.jdbc = JdbcClient.create(dataSource);
		ModelGateway noModel = (role, prompt) -> {
			throw new AssertionError("a payment is re-planned from its goals, without the model");
		};
		PlannerProperties properties = new PlannerProperties(Duration.ofHours(24), Duration.ofHours(2), 24, 500, 1, 10_000,
				Duration.ofMillis(500), Duration.ofMinutes(5), 0.75);
		Ledger ledger = Ledger.on(dataSource);
		this.replanner = new Replanner(this.jdbc, new TransactionTemplate(new DataSourceTransactionManager(dataSource)),
				noModel, new TaskWriter(ledger), ledger, properties, Clock.fixed(NOW, ZoneOffset.UTC));
		UUID tenant = UUID.randomUUID();
		UUID agent = UUID.randomUUID();
		this.campaign = UUID.randomUUID();
		this.task = UUID.randomUUID();
		this.jdbc.sql("INSERT INTO tenants (id, name) VALUES (?, 'acme')").param(tenant).update();
		this.jdbc.sql("""
				INSERT INTO agents (id, tenant_id, name, persona_file_path, persona_source, persona, social_accounts, status)
				VALUES (?, ?, 'Selam', 'soul://selam/SOUL.md', ?, '{}'::jsonb, '{"twitter":{"username":"selam"}}'::jsonb, 'active')
				""").params(agent, tenant, SOUL).update();
		this.jdbc.sql("""
				INSERT INTO campaigns (id, tenant_id, agent_id, name, goals, status, started_at, duration_days, posts_per_day,
				                       estimated_posts, next_plan_at, goals_revision)
				VALUES (?, ?, ?, 'Lookbook', jsonb_build_object('text', ?::text), 'active', ?, 1, 1, 1, ?, 2)
				""").params(this.campaign, tenant, agent, goals("25"), Timestamp.from(NOW), Timestamp.from(NOW)).update();
		TaskContext context = new TaskContext("Pay the photographer", List.of(), List.of(), null, null, null, null,
				new Payment(PAYEE, new BigDecimal("25"), "the lookbook photos", Network.BASE));
		this.jdbc.sql("""
				INSERT INTO tasks (id, campaign_id, agent_id, tenant_id, task_type, priority, status, context, state_version,
				                   goals_revision, error_code, error_message, completed_at, scheduled_at, deadline, created_at)
				VALUES (?, ?, ?, ?, 'execute_transaction', 'high', 'failed', CAST(? AS jsonb), 0, 1, 'E1004',
				        'invalidated: goals changed', ?, ?, ?, ?)
				""").params(this.task, this.campaign, agent, tenant, ChimeraJson.write(context), Timestamp.from(NOW),
				Timestamp.from(NOW), Timestamp.from(NOW.plusSeconds(7200)), Timestamp.from(NOW)).update();
	}

	private static String goals(String amount) {
		return "Launch the lookbook. Pay " + amount + " USDC to " + PAYEE + " for the lookbook photos.";
	}

	private void editGoals(String text) {
		this.jdbc.sql("UPDATE campaigns SET goals = jsonb_build_object('text', ?::text), goals_revision = goals_revision + 1 WHERE id = ?")
			.params(text, this.campaign)
			.update();
	}

	private List<String> replacements() {
		return this.jdbc.sql("SELECT context->'payment'->>'amount_usdc' FROM tasks WHERE replan_of = ?").param(this.task)
			.query(String.class)
			.list();
	}

	private long withdrawnIncidents() {
		return this.jdbc.sql("SELECT COUNT(*) FROM incidents WHERE task_id = ? AND kind = 'payment_withdrawn' AND code = 'E1004'")
			.param(this.task)
			.query(Long.class)
			.single();
	}

	@Test
	void aPaymentTheGoalsStillAskForIsPlannedAgainOnce() {
		editGoals(goals("25") + " Also post twice a day.");
		assertThat(this.replanner.replanInvalidated()).isTrue();
		assertThat(this.replanner.replanInvalidated()).as("replaced once").isFalse();
		assertThat(replacements()).hasSize(1);
		assertThat(new BigDecimal(replacements().get(0))).isEqualByComparingTo("25");
		assertThat(withdrawnIncidents()).isZero();
	}

	@Test
	void aPaymentRemovedFromTheGoalsIsNotPlannedAgainAndTheOperatorIsTold() {
		editGoals("Launch the lookbook. No payments this week.");
		assertThat(this.replanner.replanInvalidated()).isTrue();
		assertThat(this.replanner.replanInvalidated()).as("given up once, not looked at again").isFalse();
		assertThat(replacements()).isEmpty();
		assertThat(withdrawnIncidents()).isOne();
		assertThat(this.jdbc.sql("SELECT status || ' ' || error_code FROM tasks WHERE id = ?").param(this.task)
			.query(String.class)
			.single()).isEqualTo("failed E1004");
	}

	@Test
	void aPaymentWhoseAmountChangedIsNotTheSamePayment() {
		editGoals(goals("30"));
		assertThat(this.replanner.replanInvalidated()).isTrue();
		assertThat(replacements()).isEmpty();
		assertThat(withdrawnIncidents()).isOne();
	}
}
