package tech.aiqem.chimera.tools;

import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;

import tech.aiqem.chimera.model.AgentId;
import tech.aiqem.chimera.model.ChimeraJson;
import tech.aiqem.chimera.model.Platform;
import tech.aiqem.chimera.model.TenantId;
import tech.aiqem.chimera.model.message.Publication;

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

	/**
	 * A task of the agent's whose action the judge approved: its outbox row holds exactly
	 * {@code publication}, as the judge's commit writes it. Returns the task id.
	 */
	public static UUID approve(JdbcTemplate jdbc, Created agent, Publication publication) {
		UUID campaign = UUID.randomUUID();
		UUID task = UUID.randomUUID();
		jdbc.update("""
				INSERT INTO campaigns (id, tenant_id, agent_id, name, goals, status, duration_days, posts_per_day, estimated_posts)
				VALUES (?, ?, ?, 'test campaign', '{}'::jsonb, 'active', 1, 1, 1)
				""", campaign, agent.tenant().value(), agent.agent().value());
		String type = Publication.PAY.equals(publication.action()) ? "execute_transaction" : "content_generation";
		jdbc.update("""
				INSERT INTO tasks (id, campaign_id, agent_id, tenant_id, task_type, priority, status, context, state_version,
				                   goals_revision, scheduled_at, approved_by, approved_at)
				VALUES (?, ?, ?, ?, ?, 'medium', 'complete', '{}'::jsonb, 0, 1, now(), 'judge', now())
				""", task, campaign, agent.agent().value(), agent.tenant().value(), type);
		jdbc.update("""
				INSERT INTO publications (task_id, tenant_id, agent_id, action, payload)
				VALUES (?, ?, ?, ?, CAST(? AS jsonb))
				""", task, agent.tenant().value(), agent.agent().value(), publication.action(), ChimeraJson.write(publication));
		return task;
	}

	/** An approved post of {@code text} on {@code platform} with {@code media}. */
	public static UUID approvePost(JdbcTemplate jdbc, Created agent, String platform, String text, List<String> media) {
		return approve(jdbc, agent, new Publication(Publication.POST, Platform.of(platform), text, media, null, null, null));
	}
}
