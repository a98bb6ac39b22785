package tech.aiqem.chimera.planner.campaign;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.core.type.TypeReference;

import tech.aiqem.chimera.model.AgentId;
import tech.aiqem.chimera.model.CampaignId;
import tech.aiqem.chimera.model.CampaignSchedule;
import tech.aiqem.chimera.model.ChimeraJson;
import tech.aiqem.chimera.model.TenantId;
import tech.aiqem.chimera.model.persona.Persona;
import tech.aiqem.chimera.model.persona.SoulMarkdown;

/** A campaign as the planner reads it, with its agent's persona and platforms. */
public record CampaignRow(CampaignId id, TenantId tenant, AgentId agent, String goals, String agentStatus,
		Persona persona, List<String> platforms, CampaignSchedule schedule, int nextSlot, long stateVersion,
		int goalsRevision, BigDecimal budgetTotalUsd, BigDecimal spentUsd) {

	/** Columns: c.*, c.goals->>'text' AS goals_text, a.status AS agent_status, a.persona_source, a.social_accounts. */
	public static CampaignRow map(ResultSet rs, int row) throws SQLException {
		Instant start = rs.getTimestamp("started_at").toInstant();
		Map<String, Object> social = ChimeraJson.mapper().readValue(rs.getString("social_accounts"),
				new TypeReference<Map<String, Object>>() {
				});
		List<String> platforms = new ArrayList<>();
		for (String platform : List.of("twitter", "instagram", "threads")) {
			if (social.containsKey(platform)) {
				platforms.add(platform);
			}
		}
		if (platforms.isEmpty()) {
			platforms.add("twitter");
		}
		return new CampaignRow(new CampaignId(rs.getObject("id", UUID.class)), new TenantId(rs.getObject("tenant_id", UUID.class)),
				new AgentId(rs.getObject("agent_id", UUID.class)), rs.getString("goals_text"), rs.getString("agent_status"),
				SoulMarkdown.parse(rs.getString("persona_source")), List.copyOf(platforms),
				new CampaignSchedule(start, rs.getInt("duration_days"), rs.getInt("posts_per_day")), rs.getInt("next_slot"),
				rs.getLong("state_version"), rs.getInt("goals_revision"), rs.getBigDecimal("budget_total_usd"),
				rs.getBigDecimal("spent_usd"));
	}

	public boolean overTotalBudget() {
		return this.budgetTotalUsd != null && this.spentUsd != null && this.spentUsd.compareTo(this.budgetTotalUsd) >= 0;
	}
}
