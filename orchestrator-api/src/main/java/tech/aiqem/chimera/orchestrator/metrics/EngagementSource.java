package tech.aiqem.chimera.orchestrator.metrics;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** Engagement and follower figures of an agent's accounts over a period, from the platform adapter's data. */
interface EngagementSource {

	Engagement of(UUID agentId, Instant since, Instant until);

	record Engagement(BigDecimal rate, long followersGained) {
	}
}
