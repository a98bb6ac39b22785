package tech.aiqem.chimera.orchestrator.metrics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Engagement from the sandbox platform (mcp-tools' simulation, see its README): the engagement rate is
 * interactions (likes, reposts, replies) over impressions of the posts published in the period, and the
 * followers gained follow the simulation's rule that every 40 likes bring a follower.
 */
@Component
class SandboxEngagement implements EngagementSource {

	private final JdbcClient jdbc;

	SandboxEngagement(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Engagement of(UUID agentId, Instant since, Instant until) {
		Map<String, Object> row = this.jdbc.sql("""
				SELECT COALESCE(SUM(likes + reposts + replies), 0) AS interactions, COALESCE(SUM(impressions), 0) AS impressions,
				       COALESCE(SUM(likes), 0) AS likes
				  FROM sandbox_posts WHERE agent_id = :agent AND posted_at >= :since AND posted_at <= :until
				""")
			.param("agent", agentId)
			.param("since", Timestamp.from(since))
			.param("until", Timestamp.from(until))
			.query()
			.singleRow();
		long interactions = ((Number) row.get("interactions")).longValue();
		long impressions = ((Number) row.get("impressions")).longValue();
		long likes = ((Number) row.get("likes")).longValue();
		BigDecimal rate = impressions == 0 ? BigDecimal.ZERO
				: BigDecimal.valueOf(interactions).divide(BigDecimal.valueOf(impressions), 4, RoundingMode.HALF_UP);
		return new Engagement(rate, likes / 40);
	}
}
