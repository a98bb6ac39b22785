package tech.aiqem.chimera.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import tech.aiqem.chimera.embedded.TestServices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The migrations applied to a real PostgreSQL: tables exist and their CHECK and UNIQUE constraints hold. */
class SchemaIntegrationTests {

	private static String url;

	private static final UUID TENANT = UUID.randomUUID();

	private static final UUID AGENT = UUID.randomUUID();

	private static final UUID CAMPAIGN = UUID.randomUUID();

	@BeforeAll
	static void migrate() throws SQLException {
		url = TestServices.freshPostgresDatabase();
		var result = Flyway.configure().dataSource(url, null, null).locations("classpath:db/migrations").load().migrate();
		assertThat(result.success).isTrue();
		exec("INSERT INTO tenants (id, name) VALUES ('" + TENANT + "', 'acme')");
		exec("INSERT INTO agents (id, tenant_id, name, persona_file_path, persona_source, persona, status) VALUES ('" + AGENT
				+ "', '" + TENANT + "', 'A', 'soul://a/SOUL.md', '# A', '{}', 'active')");
		exec("INSERT INTO campaigns (id, tenant_id, agent_id, name, goals, status, duration_days, posts_per_day, estimated_posts) VALUES ('"
				+ CAMPAIGN + "', '" + TENANT + "', '" + AGENT + "', 'C', '{\"text\": \"g\"}', 'active', 14, 3, 42)");
	}

	@Test
	void everyTableOfTheSpecificationExists() throws SQLException {
		for (String table : new String[] { "tenants", "users", "agents", "campaigns", "tasks", "hitl_reviews",
				"transactions" }) {
			exec("SELECT count(*) FROM " + table);
		}
		exec("SELECT state_version, goals_revision FROM campaigns");
	}

	@Test
	void taskStatusOutsideItsSetIsRejected() {
		assertThatThrownBy(() -> insertTask(UUID.randomUUID(), "done", "0.5"))
			.hasMessageContaining("tasks_status_check");
	}

	@Test
	void confidenceOutsideZeroToOneIsRejected() throws SQLException {
		assertThatThrownBy(() -> insertTask(UUID.randomUUID(), "review", "1.5"))
			.isInstanceOf(SQLException.class);
		assertThatThrownBy(() -> insertTask(UUID.randomUUID(), "review", "-0.1"))
			.hasMessageContaining("confidence_score");
		UUID task = UUID.randomUUID();
		insertTask(task, "review", "0.99");
		assertThatThrownBy(() -> exec("INSERT INTO hitl_reviews (task_id, tenant_id, agent_id, content, confidence_score, review_deadline) VALUES ('"
				+ task + "', '" + TENANT + "', '" + AGENT + "', '{}', 1.01, now())"))
			.isInstanceOf(SQLException.class);
	}

	@Test
	void duplicateTransactionHashIsRejected() throws SQLException {
		String insert = "INSERT INTO transactions (agent_id, tenant_id, transaction_hash, from_address, to_address, amount_usdc, network, status) VALUES ('"
				+ AGENT + "', '" + TENANT + "', '0xabc', '0x1', '0x2', 1.5, 'base', 'pending')";
		exec(insert);
		assertThatThrownBy(() -> exec(insert)).hasMessageContaining("transactions_transaction_hash_key");
	}

	@Test
	void otherChecksHold() {
		assertThatThrownBy(() -> exec("INSERT INTO agents (tenant_id, name, persona_file_path, persona_source, persona, status) VALUES ('"
				+ TENANT + "', 'B', 'p', 's', '{}', 'sleeping')")).hasMessageContaining("agents_status_check");
		assertThatThrownBy(() -> exec("INSERT INTO agents (tenant_id, name, persona_file_path, persona_source, persona, status, wallet_address) VALUES ('"
				+ TENANT + "', 'C', 'p', 's', '{}', 'active', '0x742d35Cc6634C0532925a3b844Bc9e7595f0bEb')"))
			.hasMessageContaining("wallet_address");
		assertThatThrownBy(() -> exec("INSERT INTO campaigns (tenant_id, agent_id, name, goals, status, duration_days, posts_per_day, estimated_posts, budget_daily_usd) VALUES ('"
				+ TENANT + "', '" + AGENT + "', 'N', '{}', 'active', 3, 1, 3, -1)")).hasMessageContaining("budget_daily_usd");
	}

	private static void insertTask(UUID id, String status, String confidence) throws SQLException {
		exec("INSERT INTO tasks (id, campaign_id, agent_id, tenant_id, task_type, priority, status, context, confidence_score, state_version, goals_revision, scheduled_at) VALUES ('"
				+ id + "', '" + CAMPAIGN + "', '" + AGENT + "', '" + TENANT + "', 'content_generation', 'high', '" + status
				+ "', '{}', " + confidence + ", 0, 1, now())");
	}

	private static void exec(String sql) throws SQLException {
		try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}
}
