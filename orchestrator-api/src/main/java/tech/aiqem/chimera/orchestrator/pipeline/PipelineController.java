package tech.aiqem.chimera.orchestrator.pipeline;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;

import tech.aiqem.chimera.infra.redis.Redis;
import tech.aiqem.chimera.model.ErrorCode;
import tech.aiqem.chimera.model.Priority;
import tech.aiqem.chimera.model.RedisKeys;
import tech.aiqem.chimera.orchestrator.system.CurrentTenant;

@RestController
class PipelineController {

	private final JdbcClient jdbc;

	private final Redis redis;

	private final Clock clock;

	PipelineController(JdbcClient jdbc, Redis redis, Clock clock) {
		this.jdbc = jdbc;
		this.redis = redis;
		this.clock = clock;
	}

	@Operation(summary = "The pipeline at a glance: queue lengths, tasks by status, errors, live workers, stuck tasks",
			description = "queues by priority (Redis), tasks_by_status and hitl_pending for this tenant, errors_last_24h by error code.")
	@GetMapping("/v1/pipeline")
	Pipeline pipeline(CurrentTenant tenant) {
		var redisCommands = this.redis.shared().sync();
		Map<String, Long> queues = new LinkedHashMap<>();
		for (Priority priority : Priority.values()) {
			queues.put(priority.wire(), redisCommands.llen(RedisKeys.tasks(priority)));
		}
		Map<String, Long> statuses = new LinkedHashMap<>();
		for (String status : new String[] { "pending", "in_progress", "review", "complete", "failed" }) {
			statuses.put(status, 0L);
		}
		this.jdbc.sql("SELECT status, COUNT(*) AS n FROM tasks WHERE tenant_id = :tenant GROUP BY status")
			.param("tenant", tenant.id().value())
			.query((rs, row) -> statuses.put(rs.getString("status"), rs.getLong("n")))
			.list();
		Map<String, Long> errors = new LinkedHashMap<>();
		for (ErrorCode code : ErrorCode.values()) {
			errors.put(code.name(), 0L);
		}
		Instant since = this.clock.instant().minus(Duration.ofHours(24));
		this.jdbc.sql("""
				SELECT code, COUNT(*) AS n FROM (
				  SELECT error_code AS code FROM tasks WHERE tenant_id = :tenant AND error_code IS NOT NULL AND completed_at >= :since
				  UNION ALL
				  SELECT code FROM incidents WHERE tenant_id = :tenant AND created_at >= :since AND task_id IS NULL AND code IS NOT NULL
				) e GROUP BY code
				""")
			.param("tenant", tenant.id().value())
			.param("since", Timestamp.from(since))
			.query((rs, row) -> errors.put(rs.getString("code"), rs.getLong("n")))
			.list();
		long workers = redisCommands.smembers(RedisKeys.CONSUMERS).stream()
			.filter(id -> id.startsWith("worker"))
			.filter(id -> redisCommands.exists(RedisKeys.heartbeat(id)) == 1)
			.count();
		long reviewReady = redisCommands.scard(RedisKeys.REVIEW_READY);
		long hitlPending = this.jdbc.sql("SELECT COUNT(*) FROM hitl_reviews WHERE tenant_id = :tenant AND decision IS NULL")
			.param("tenant", tenant.id().value())
			.query(Long.class)
			.single();
		// tasks nothing finished by their deadline: still open now, and those the sweeper failed (E2001)
		long pastDeadline = this.jdbc.sql("""
				SELECT COUNT(*) FROM tasks WHERE tenant_id = :tenant AND status IN ('in_progress', 'review') AND deadline < :now
				   AND NOT EXISTS (SELECT 1 FROM hitl_reviews h WHERE h.task_id = tasks.id AND h.decision IS NULL)""")
			.param("tenant", tenant.id().value())
			.param("now", Timestamp.from(this.clock.instant()))
			.query(Long.class)
			.single();
		long swept = this.jdbc.sql("""
				SELECT COUNT(*) FROM incidents WHERE tenant_id = :tenant AND kind = 'task_stuck' AND created_at >= :since""")
			.param("tenant", tenant.id().value())
			.param("since", Timestamp.from(since))
			.query(Long.class)
			.single();
		return new Pipeline(queues, reviewReady, statuses, errors, workers, hitlPending, new Stuck(pastDeadline, swept),
				this.clock.instant());
	}

	record Pipeline(Map<String, Long> queues, long reviewReadyAgents, Map<String, Long> tasksByStatus,
			@JsonProperty("errors_last_24h") Map<String, Long> errorsLast24h, long workers, long hitlPending, Stuck stuck,
			Instant at) {
	}

	record Stuck(long pastDeadline, @JsonProperty("swept_last_24h") long sweptLast24h) {
	}
}
