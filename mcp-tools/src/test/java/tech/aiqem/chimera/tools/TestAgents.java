package tech.aiqem.chimera.tools;

import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;

import tech.aiqem.chimera.model.AgentId;
import tech.aiqem.chimera.model.TenantId;

/** Creates tenants and agents (V1 tables) with a SOUL.md and social accounts, as the orchestrator would. */
public final class TestAgents {

	private TestAgents() {
	}

	public record Created(AgentId agent, TenantId tenant, String handle) {
	}

	public static String soul(String name, String disclosure) {
		return """
				# %s

				## Identity
				A warm fashion insider from Addis Ababa.

				## Voice
				- Friendly tone

				## Topics
				- Ethiopian fashion
				- Habesha kemis

				## Disclosure
				%s
				""".formatted(name, disclosure);
	}

	/** An active agent with the same handle on twitter, instagram and threads. */
	public static Created create(JdbcTemplate jdbc, String disclosure) {
		UUID tenant = UUID.randomUUID();
		UUID agent = UUID.randomUUID();
		String handle = "agent_" + agent.toString().substring(0, 8);
		jdbc.update("INSERT INTO tenants (id, name) VALUES (?, ?)", tenant, "tenant-" + tenant);
		String accounts = """
				{"twitter":{"username":"%1$s","user_id":"1234567890"},"instagram":{"username":"%1$s"},"threads":{"username":"%1$s"}}
				""".formatted(handle);
		jdbc.update("""
				INSERT INTO agents (id, tenant_id, name, persona_file_path, persona_source, persona, social_accounts, status)
				VALUES (?, ?, ?, ?, ?, '{}'::jsonb, ?::jsonb, 'active')
				""", agent, tenant, "Agent " + handle, "soul://" + agent + "/SOUL.md", soul("Agent " + handle, disclosure),
				accounts);
		return new Created(new AgentId(agent), new TenantId(tenant), handle);
	}
}
