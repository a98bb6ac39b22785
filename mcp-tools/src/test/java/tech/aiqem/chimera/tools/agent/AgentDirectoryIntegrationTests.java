package tech.aiqem.chimera.tools.agent;

import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import tech.aiqem.chimera.embedded.TestServices;
import tech.aiqem.chimera.model.AgentId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The agent directory on real PostgreSQL: the persona is parsed once per file text, never served stale. */
class AgentDirectoryIntegrationTests {

	private JdbcTemplate jdbc;

	private AgentDirectory directory;

	private AgentId agent;

	@BeforeEach
	void database() {
		DataSource dataSource = new SimpleDriverDataSource(new org.postgresql.Driver(), TestServices.freshPostgresDatabase());
		Flyway.configure().dataSource(dataSource).locations("classpath:db/migrations").load().migrate();
		this.jdbc = new JdbcTemplate(dataSource);
		this.directory = new AgentDirectory(this.jdbc);
		UUID tenant = UUID.randomUUID();
		this.agent = new AgentId(UUID.randomUUID());
		this.jdbc.update("INSERT INTO tenants (id, name) VALUES (?, 'acme')", tenant);
		this.jdbc.update("""
				INSERT INTO agents (id, tenant_id, name, persona_file_path, persona_source, persona, social_accounts, status)
				VALUES (?, ?, 'Selam', 'soul://selam/SOUL.md', ?, '{}'::jsonb, '{"twitter":{"username":"selam"}}'::jsonb, 'active')
				""", this.agent.value(), tenant, "# Selam\n## Topics\n- Ethiopian fashion\n");
	}

	private void rewrite(String soul) {
		this.jdbc.update("UPDATE agents SET persona_source = ? WHERE id = ?", soul, this.agent.value());
	}

	@Test
	void anEditedPersonaFileIsReadAtTheNextCall() {
		assertThat(this.directory.get(this.agent).persona().name()).isEqualTo("Selam");
		assertThat(this.directory.get(this.agent).persona().topics()).containsExactly("Ethiopian fashion");

		rewrite("# Selam Tesfaye\n## Topics\n- Habesha kemis\n");

		assertThat(this.directory.get(this.agent).persona().name()).isEqualTo("Selam Tesfaye");
		assertThat(this.directory.get(this.agent).persona().topics()).containsExactly("Habesha kemis");
	}

	@Test
	void theRowIsReadEveryCallSoAPausedOrDeletedAgentIsSeenAtOnce() {
		assertThat(this.directory.get(this.agent).status()).isEqualTo("active");
		this.jdbc.update("UPDATE agents SET status = 'paused' WHERE id = ?", this.agent.value());
		assertThat(this.directory.get(this.agent).status()).isEqualTo("paused");
		this.jdbc.update("UPDATE agents SET status = 'deleted' WHERE id = ?", this.agent.value());
		assertThatThrownBy(() -> this.directory.get(this.agent)).isInstanceOf(UnknownAgentException.class);
	}

	@Test
	void anUnreadableFileIsRefusedEveryTime() {
		rewrite("{\"name\": \"Selam\", \"bio\": [");
		for (int i = 0; i < 2; i++) {
			assertThatThrownBy(() -> this.directory.get(this.agent)).isInstanceOf(UnknownAgentException.class)
				.hasMessageContaining("unreadable SOUL.md");
		}
	}
}
