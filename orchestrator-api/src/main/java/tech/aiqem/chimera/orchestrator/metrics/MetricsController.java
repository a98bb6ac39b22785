package tech.aiqem.chimera.orchestrator.metrics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;

import tech.aiqem.chimera.orchestrator.system.ApiException;
import tech.aiqem.chimera.orchestrator.system.CurrentTenant;

/**
 * {@code GET /v1/agents/{id}/metrics} (docs/architecture.md §12.1), computed from what is stored: published posts, spend from the spend ledger,
 * revenue from confirmed incoming USDC, and the autonomy rate (decisions the judge took alone over all
 * approval decisions). Engagement and followers come from the platform adapter's tables where present.
 */
@RestController
class MetricsController {

	private final JdbcClient jdbc;

	private final EngagementSource engagement;

	private final Clock clock;

	MetricsController(JdbcClient jdbc, EngagementSource engagement, Clock clock) {
		this.jdbc = jdbc;
		this.engagement = engagement;
		this.clock = clock;
	}

	@Operation(summary = "The agent's figures over a period (last_24_hours, last_7_days, last_30_days...)",
			description = "roi is null without spend, autonomy_rate null without approval decisions.")
	@GetMapping("/v1/agents/{agentId}/metrics")
	AgentMetrics metrics(CurrentTenant tenant, @PathVariable UUID agentId,
			@RequestParam(defaultValue = "last_7_days") String period) {
		Period window = Period.of(period);
		String wallet = this.jdbc.sql("SELECT COALESCE(wallet_address, '') FROM agents WHERE tenant_id = :tenant AND id = :id AND status <> 'deleted'")
			.param("tenant", tenant.id().value())
			.param("id", agentId)
			.query(String.class)
			.optional()
			.orElseThrow(() -> ApiException.notFound("agent", agentId));
		Instant now = this.clock.instant();
		Instant since = window.since(now);
		Timestamp from = Timestamp.from(since);
		long posts = this.jdbc.sql("""
				SELECT COUNT(*) FROM tasks WHERE agent_id = :id AND status = 'complete'
				   AND task_type IN ('content_generation', 'reply_comment') AND completed_at >= :from
				""").param("id", agentId).param("from", from).query(Long.class).single();
		BigDecimal spend = this.jdbc.sql("SELECT COALESCE(SUM(amount_usd), 0) FROM spend_ledger WHERE agent_id = :id AND day >= :day")
			.param("id", agentId)
			.param("day", LocalDate.ofInstant(since, ZoneOffset.UTC))
			.query(BigDecimal.class)
			.single();
		BigDecimal revenue = this.jdbc.sql("""
				SELECT COALESCE(SUM(amount_usdc), 0) FROM transactions
				 WHERE lower(to_address) = lower(:wallet) AND status = 'confirmed' AND created_at >= :from
				""").param("wallet", wallet).param("from", from).query(BigDecimal.class).single();
		Map<String, Object> decided = this.jdbc.sql("""
				SELECT COUNT(*) FILTER (WHERE approved_by = 'judge') AS judge,
				       COUNT(*) FILTER (WHERE approved_by = 'human') AS human_approved,
				       (SELECT COUNT(*) FROM hitl_reviews h WHERE h.agent_id = :id AND h.decision = 'rejected' AND h.reviewed_at >= :from) AS human_rejected
				  FROM tasks WHERE agent_id = :id AND approved_at >= :from
				""").param("id", agentId).param("from", from).query().singleRow();
		long judge = ((Number) decided.get("judge")).longValue();
		long human = ((Number) decided.get("human_approved")).longValue() + ((Number) decided.get("human_rejected")).longValue();
		EngagementSource.Engagement social = this.engagement.of(agentId, since, now);

		Figures metrics = new Figures(posts, social.rate(), social.followersGained(), spend.setScale(2, RoundingMode.HALF_UP),
				revenue.setScale(2, RoundingMode.HALF_UP),
				spend.signum() == 0 ? null : revenue.divide(spend, 2, RoundingMode.HALF_UP), judge + human == 0 ? null
						: BigDecimal.valueOf(judge).divide(BigDecimal.valueOf(judge + human), 2, RoundingMode.HALF_UP));
		return new AgentMetrics(agentId, window.wire(), metrics);
	}

	record AgentMetrics(UUID agentId, String period, Figures metrics) {
	}

	record Figures(long postsCreated, BigDecimal engagementRate, long followersGained, BigDecimal spendUsd,
			BigDecimal revenueUsd, BigDecimal roi, BigDecimal autonomyRate) {
	}
}
