package tech.aiqem.chimera.tools.agent;

import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import tech.aiqem.chimera.model.AgentId;
import tech.aiqem.chimera.model.ChimeraJson;
import tech.aiqem.chimera.model.Platform;
import tech.aiqem.chimera.model.TenantId;
import tech.aiqem.chimera.model.persona.Persona;
import tech.aiqem.chimera.model.persona.SoulFormatException;
import tech.aiqem.chimera.model.persona.SoulMarkdown;

import tools.jackson.databind.JsonNode;

/**
 * Reads agents from PostgreSQL; the SOUL.md in {@code persona_source} is the persona's truth. The row is read on
 * every call (status and accounts are never stale); the parsed persona is kept per file text, since parsing
 * the same SOUL.md for every tool call was a twentieth of the tools server's CPU under load.
 */
@Component
public class AgentDirectory {

	/** Characters of persona files whose parse is kept (about 8 MB of text). */
	static final long PARSED_CHARS = 4_000_000;

	private static final String FIND = """
			SELECT id, tenant_id, status, persona_source, social_accounts::text AS social_accounts
			FROM agents WHERE id = ?
			""";

	private final JdbcTemplate jdbc;

	private final Cache<String, Persona> parsed = Caffeine.newBuilder()
		.maximumWeight(PARSED_CHARS)
		.weigher((String source, Persona persona) -> source.length())
		.build();

	AgentDirectory(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** The agent, or {@link UnknownAgentException} when it does not exist or is deleted. */
	public AgentProfile get(AgentId id) {
		var rows = this.jdbc.query(FIND, (rs, n) -> {
			Persona persona;
			try {
				String source = rs.getString("persona_source");
				persona = source == null ? SoulMarkdown.parse(null) : this.parsed.get(source, SoulMarkdown::parse);
			}
			catch (SoulFormatException ex) {
				throw new UnknownAgentException("agent " + id + " has an unreadable SOUL.md: " + ex.getMessage());
			}
			return new AgentProfile(new AgentId(rs.getObject("id", UUID.class)),
					new TenantId(rs.getObject("tenant_id", UUID.class)), rs.getString("status"), persona,
					accounts(rs.getString("social_accounts")));
		}, id.value());
		if (rows.isEmpty()) {
			throw new UnknownAgentException("agent " + id + " does not exist");
		}
		AgentProfile agent = rows.get(0);
		if ("deleted".equals(agent.status())) {
			throw new UnknownAgentException("agent " + id + " is deleted");
		}
		return agent;
	}

	static Map<Platform, AgentProfile.SocialAccount> accounts(String json) {
		Map<Platform, AgentProfile.SocialAccount> accounts = new EnumMap<>(Platform.class);
		if (json == null || json.isBlank()) {
			return accounts;
		}
		JsonNode root = ChimeraJson.tree(json);
		for (Platform platform : Platform.values()) {
			JsonNode node = root.get(platform.wire());
			if (node == null || node.isNull()) {
				continue;
			}
			String username = node.isString() ? node.asString() : text(node, "username");
			if (username != null && !username.isBlank()) {
				accounts.put(platform, new AgentProfile.SocialAccount(platform, username, text(node, "user_id")));
			}
		}
		return accounts;
	}

	private static String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return value == null || value.isNull() ? null : value.asString();
	}
}
