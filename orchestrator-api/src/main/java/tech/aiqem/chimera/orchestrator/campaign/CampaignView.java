package tech.aiqem.chimera.orchestrator.campaign;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

import tech.aiqem.chimera.model.AgentId;
import tech.aiqem.chimera.model.CampaignId;

record CampaignView(CampaignId campaignId, AgentId agentId, String name, String description, String goals,
		String status, String statusReason, BigDecimal budgetDailyUsd, BigDecimal budgetTotalUsd, BigDecimal spentUsd,
		int durationDays, int postsPerDay, int estimatedPosts, int plannedPosts, Instant startedAt, Instant endedAt,
		long stateVersion, int goalsRevision, Map<String, Long> tasksByStatus) {
}
