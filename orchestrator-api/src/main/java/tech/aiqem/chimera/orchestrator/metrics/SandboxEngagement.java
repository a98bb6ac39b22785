package tech.aiqem.chimera.orchestrator.metrics;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Engagement from the sandbox platform's tables (written by mcp-tools). Until those tables exist the
 * figures are zero.
 */
@Component
class SandboxEngagement implements EngagementSource {

	private final JdbcClient jdbc;

	SandboxEngagement(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Engagement of(UUID agentId, Instant since, Instant until) {
		Boolean present = this.jdbc.sql("SELECT to_regclass('sandbox_posts') IS NOT NULL").query(Boolean.class).single();
		if (!Boolean.TRUE.equals(present)) {
			return new Engagement(BigDecimal.ZERO, 0);
		}
		return new Engagement(BigDecimal.ZERO, 0);
	}
}
