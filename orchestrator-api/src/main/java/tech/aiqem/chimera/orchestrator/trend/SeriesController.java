package tech.aiqem.chimera.orchestrator.trend;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
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
 * Days are UTC days of the services' shared clock (which the launcher may run faster than real time),
 * like the budget days of the spend ledger.
 */
@RestController
class SeriesController {

	private static final String POSTS = """
			SELECT CAST(completed_at AT TIME ZONE 'UTC' AS date) AS day, COUNT(*) AS n FROM tasks
			 WHERE agent_id = :agent AND status = 'complete' AND task_type IN ('content_generation', 'reply_comment')
			   AND completed_at >= :from GROUP BY 1
			""";

	private static final String ENGAGEMENT = """
			SELECT CAST(posted_at AT TIME ZONE 'UTC' AS date) AS day, CAST(SUM(likes + reposts + replies) AS bigint) AS n FROM sandbox_posts
			 WHERE agent_id = :agent AND posted_at >= :from GROUP BY 1
			""";

	private static final String IMPRESSIONS = """
			SELECT CAST(posted_at AT TIME ZONE 'UTC' AS date) AS day, CAST(SUM(impressions) AS bigint) AS n FROM sandbox_posts
			 WHERE agent_id = :agent AND posted_at >= :from GROUP BY 1
			""";

	private static final String SPEND = """
			SELECT day, SUM(amount_usd) AS n FROM spend_ledger WHERE agent_id = :agent AND day >= :first GROUP BY 1
			""";

	private static final String REVENUE = """
			SELECT CAST(created_at AT TIME ZONE 'UTC' AS date) AS day, SUM(amount_usdc) AS n FROM transactions
			 WHERE :wallet <> '' AND lower(to_address) = lower(:wallet) AND status = 'confirmed' AND created_at >= :from
			 GROUP BY 1
			""";

	private static final String JUDGE_APPROVED = """
			SELECT CAST(approved_at AT TIME ZONE 'UTC' AS date) AS day, COUNT(*) AS n FROM tasks
			 WHERE agent_id = :agent AND approved_by = 'judge' AND approved_at >= :from GROUP BY 1
			""";

	// Human approvals and rejections both count as decisions a human had to take (as in the period metrics).
	private static final String HUMAN_DECIDED = """
			SELECT CAST(reviewed_at AT TIME ZONE 'UTC' AS date) AS day, COUNT(*) AS n FROM hitl_reviews
			 WHERE agent_id = :agent AND decision IS NOT NULL AND reviewed_at >= :from GROUP BY 1
			""";

	private final JdbcClient jdbc;

	private final Clock clock;

	SeriesController(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Operation(summary = "The agent's metrics per day for the last N days (oldest first, today last)",
			description = "posts (published content tasks), engagement (likes + reposts + replies of posts published that day)"
					+ " and impressions, spend_usd (spend ledger) against revenue_usd (confirmed incoming USDC), roi,"
					+ " and autonomy_rate (judge approvals over all approval decisions that day).")
	@GetMapping("/v1/agents/{agentId}/metrics/series")
	Series series(CurrentTenant tenant, @PathVariable UUID agentId, @RequestParam(defaultValue = "14") int days) {
		if (days < 1 || days > 90) {
			throw ApiException.invalid("days", "must be between 1 and 90");
		}
		String wallet = this.jdbc.sql("SELECT COALESCE(wallet_address, '') FROM agents WHERE tenant_id = :tenant AND id = :id AND status <> 'deleted'")
			.param("tenant", tenant.id().value())
			.param("id", agentId)
			.query(String.class)
			.optional()
			.orElseThrow(() -> ApiException.notFound("agent", agentId));
		LocalDate today = LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC);
		LocalDate first = today.minusDays(days - 1L);
		Timestamp from = Timestamp.from(first.atStartOfDay(ZoneOffset.UTC).toInstant());

		Map<String, Object> params = Map.of("agent", agentId, "from", from, "first", Date.valueOf(first), "wallet", wallet);

		Map<LocalDate, Long> posts = perDay(POSTS, params, Long.class);
		Map<LocalDate, Long> engagement = perDay(ENGAGEMENT, params, Long.class);
		Map<LocalDate, Long> impressions = perDay(IMPRESSIONS, params, Long.class);
		Map<LocalDate, BigDecimal> spend = perDay(SPEND, params, BigDecimal.class);
		Map<LocalDate, BigDecimal> revenue = perDay(REVENUE, params, BigDecimal.class);
		Map<LocalDate, Long> judge = perDay(JUDGE_APPROVED, params, Long.class);
		Map<LocalDate, Long> human = perDay(HUMAN_DECIDED, params, Long.class);

		List<DayFigures> series = new ArrayList<>(days);
		for (LocalDate day = first; !day.isAfter(today); day = day.plusDays(1)) {
			series.add(DayFigures.of(day, posts.getOrDefault(day, 0L), engagement.getOrDefault(day, 0L),
					impressions.getOrDefault(day, 0L), spend.getOrDefault(day, BigDecimal.ZERO),
					revenue.getOrDefault(day, BigDecimal.ZERO), judge.getOrDefault(day, 0L), human.getOrDefault(day, 0L)));
		}
		return new Series(agentId, days, first, today, series);
	}

	/** @param series one entry per day from {@code from} to {@code to}, days without activity included */
	record Series(UUID agentId, int days, LocalDate from, LocalDate to, List<DayFigures> series) {
	}

	private <T> Map<LocalDate, T> perDay(String sql, Map<String, Object> params, Class<T> type) {
		Map<LocalDate, T> out = new HashMap<>();
		this.jdbc.sql(sql).params(params)
			.query((rs, row) -> out.put(rs.getObject("day", LocalDate.class), rs.getObject("n", type)))
			.list();
		return out;
	}
}
