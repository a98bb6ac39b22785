package tech.aiqem.chimera.orchestrator.agent;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

import tech.aiqem.chimera.model.AgentId;
import tech.aiqem.chimera.model.persona.Persona;

/** An agent as the API shows it: the {@code POST /v1/agents} response plus what operators see in the fleet. */
record AgentView(AgentId agentId, String name, String status, String statusReason, String walletAddress,
		Instant createdAt, Persona persona, Map<String, Object> socialAccounts, BigDecimal budgetDailyUsd,
		BigDecimal budgetTotalUsd, boolean financialPaused, BigDecimal spentTodayUsd, long pendingReviews,
		Double autonomyRate) {
}
