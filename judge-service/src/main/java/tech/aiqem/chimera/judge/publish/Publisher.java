package tech.aiqem.chimera.judge.publish;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import tech.aiqem.chimera.infra.mcp.ToolCallContext;
import tech.aiqem.chimera.infra.mcp.ToolErrorException;
import tech.aiqem.chimera.infra.mcp.ToolResults;
import tech.aiqem.chimera.infra.mcp.ToolsClient;
import tech.aiqem.chimera.infra.observability.ErrorMeters;
import tech.aiqem.chimera.model.AgentId;
import tech.aiqem.chimera.model.ChimeraException;
import tech.aiqem.chimera.model.ChimeraJson;
import tech.aiqem.chimera.model.ErrorCode;
import tech.aiqem.chimera.model.MemoryType;
import tech.aiqem.chimera.model.TaskId;
import tech.aiqem.chimera.model.TenantId;
import tech.aiqem.chimera.model.message.Publication;

/**
 * Performs approved actions from the outbox. Each is claimed with {@code FOR UPDATE SKIP LOCKED}, so
 * publisher replicas never take the same one; the tool call carries the task id, so repeating it after
 * a crash returns the first outcome instead of posting or paying again. Nothing stale is published: an
 * action of a campaign that was edited or ended since is invalidated (E1004), one of a paused campaign
 * waits.
 */
public final class Publisher {

	private static final Logger log = LoggerFactory.getLogger(Publisher.class);

	private static final String CLAIM = """
			SELECT p.task_id, p.tenant_id, p.agent_id, p.action, p.payload, p.attempts,
			       t.goals_revision AS planned_revision, c.goals_revision AS campaign_revision, c.status AS campaign_status,
			       t.status AS task_status
			  FROM publications p JOIN tasks t ON t.id = p.task_id JOIN campaigns c ON c.id = t.campaign_id
			 WHERE p.status = 'pending' AND p.next_attempt_at <= :now
			 ORDER BY p.next_attempt_at
			 LIMIT 1
			 FOR NO KEY UPDATE OF p SKIP LOCKED
			""";

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final ToolsClient tools;

	private final Clock clock;

	private final MeterRegistry meters;

	private final int maxAttempts;

	public Publisher(JdbcClient jdbc, TransactionTemplate transactions, ToolsClient tools, Clock clock,
			MeterRegistry meters, int maxAttempts) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.tools = tools;
		this.clock = clock;
		this.meters = meters;
		this.maxAttempts = maxAttempts;
		ErrorMeters.register(meters, "publisher");
	}

	/** Publishes one due action; true when there was one. */
	public boolean publishNext() {
		return Boolean.TRUE.equals(this.transactions.execute(status -> {
			Instant now = this.clock.instant();
			Map<String, Object> row = this.jdbc.sql(CLAIM).param("now", Timestamp.from(now)).query().listOfRows()
				.stream().findFirst().orElse(null);
			if (row == null) {
				return false;
			}
			UUID task = (UUID) row.get("task_id");
			MDC.put("task_id", task.toString());
			MDC.put("agent_id", String.valueOf(row.get("agent_id")));
			try {
				publish(row, task, now);
			}
			finally {
				MDC.remove("task_id");
				MDC.remove("agent_id");
			}
			return true;
		}));
	}

	private void publish(Map<String, Object> row, UUID task, Instant now) {
		String campaignStatus = (String) row.get("campaign_status");
		if (!"review".equals(row.get("task_status"))) {
			finish(task, "failed", null, "task is " + row.get("task_status"), now);
			return;
		}
		if (((Number) row.get("planned_revision")).intValue() != ((Number) row.get("campaign_revision")).intValue()
				|| "cancelled".equals(campaignStatus) || "completed".equals(campaignStatus)) {
			invalidate(task, "campaign changed since approval (" + campaignStatus + ", goals revision "
					+ row.get("campaign_revision") + ")", now);
			return;
		}
		if ("paused".equals(campaignStatus)) {
			this.jdbc.sql("UPDATE publications SET next_attempt_at = :next WHERE task_id = :task")
				.param("next", Timestamp.from(now.plus(Duration.ofMinutes(1))))
				.param("task", task)
				.update();
			return;
		}
		Publication publication = ChimeraJson.read(String.valueOf(row.get("payload")), Publication.class);
		ToolCallContext context = new ToolCallContext(new AgentId((UUID) row.get("agent_id")),
				new TenantId((UUID) row.get("tenant_id")), new TaskId(task), publication.inReplyTo());
		long started = System.nanoTime();
		try {
			if (Publication.POST.equals(publication.action())) {
				ToolResults.PostReceipt receipt = this.tools.postContent(context, publication.platform(),
						publication.textContent(), publication.mediaUrls(), publication.disclosureLevel());
				finish(task, "complete", receipt.postId(), null, now);
				log.info("Published task {} as {} post {}{}", task, receipt.platform().wire(), receipt.postId(),
						receipt.replayed() ? " (already published)" : "");
				remember(context, publication, receipt);
			}
			else {
				ToolResults.PaymentResult receipt = this.tools.sendPayment(context, publication.payment());
				boolean confirmed = "confirmed".equals(receipt.status());
				finish(task, confirmed ? "complete" : "review", receipt.transactionHash(), null, now);
				log.info("Sent payment of task {}: {} ({})", task, receipt.transactionHash(), receipt.status());
			}
			this.meters.timer("chimera.tool.latency", "tool", Publication.POST.equals(publication.action()) ? "post_content" : "send_payment")
				.record(Duration.ofNanos(System.nanoTime() - started));
		}
		catch (ToolErrorException ex) {
			if (ex.isRetryLater()) {
				// Not a refusal: the platform keeps the slot for this task and publishes it when called again then
				// (a backlog after an outage can pass an account's daily quota).
				this.jdbc.sql("UPDATE publications SET next_attempt_at = :next, last_error = :error WHERE task_id = :task")
					.param("next", Timestamp.from(ex.retryAt()))
					.param("error", ex.getMessage())
					.param("task", task)
					.update();
				log.info("Publishing task {} deferred by the platform until {}", task, ex.retryAt());
				return;
			}
			if ("E2002".equals(ex.reason()) || "internal".equals(ex.reason())) {
				// the tools server's own store was away (a database or Redis outage): nothing was done, and the
				// same task id is safe to call again, so this waits and retries instead of failing the task
				retryLater(task, ((Number) row.get("attempts")).intValue() + 1,
						new ChimeraException(ErrorCode.E2002, ex.getMessage()), now);
				return;
			}
			ErrorCode code = ex.getMessage() != null && ex.getMessage().contains("E1005") ? ErrorCode.E1005
					: ex.getMessage() != null && ex.getMessage().contains("E1001") ? ErrorCode.E1001 : null;
			log.warn("Tool refused task {}: {}", task, ex.getMessage());
			failTask(task, code, "tool refused: " + ex.getMessage(), now);
		}
		catch (ChimeraException ex) {
			retryLater(task, ((Number) row.get("attempts")).intValue() + 1, ex, now);
		}
	}

	/**
	 * What the agent said goes to its long-term memory, keyed by the task so a repeat stores it once. The
	 * post is out: failing to remember it is logged, never a reason to fail or repeat the publication.
	 */
	private void remember(ToolCallContext context, Publication publication, ToolResults.PostReceipt receipt) {
		Map<String, Object> memoryContext = new LinkedHashMap<>();
		memoryContext.put("platform", receipt.platform());
		memoryContext.put("post_id", receipt.postId());
		memoryContext.put("task_id", context.task());
		memoryContext.put("source", "published");
		try {
			this.tools.remember(context, memoryText(publication.textContent()), MemoryType.CONVERSATION, 0.6, memoryContext);
		}
		catch (RuntimeException ex) {
			log.warn("Published task {} but could not remember it: {}", context.task(), ex.getMessage());
		}
	}

	/** The remember tool takes up to 2000 characters; an Instagram caption may be longer. */
	static String memoryText(String text) {
		int limit = 2000;
		String stripped = text.strip();
		return stripped.codePointCount(0, stripped.length()) <= limit ? stripped
				: stripped.substring(0, stripped.offsetByCodePoints(0, limit));
	}

	private void retryLater(UUID task, int attempts, ChimeraException ex, Instant now) {
		ErrorMeters.count(this.meters, ex.code(), "publisher");
		if (attempts >= this.maxAttempts) {
			log.error("Giving up publishing task {} after {} attempts: {}", task, attempts, ex.getMessage());
			failTask(task, ex.code(), ex.getMessage(), now);
			return;
		}
		Duration backoff = Duration.ofSeconds(Math.min(300, 2L << Math.min(attempts, 8)));
		this.jdbc.sql("UPDATE publications SET attempts = :attempts, last_error = :error, next_attempt_at = :next WHERE task_id = :task")
			.param("attempts", attempts)
			.param("error", ex.getMessage())
			.param("next", Timestamp.from(now.plus(backoff)))
			.param("task", task)
			.update();
	}

	private void finish(UUID task, String taskStatus, String ref, String error, Instant now) {
		this.jdbc.sql("""
				UPDATE publications SET status = :status, external_ref = :ref, last_error = :error, done_at = :now,
				       attempts = attempts + 1 WHERE task_id = :task
				""")
			.param("status", "failed".equals(taskStatus) ? "failed" : "done")
			.param("ref", ref)
			.param("error", error)
			.param("now", Timestamp.from(now))
			.param("task", task)
			.update();
		this.jdbc.sql("""
				UPDATE tasks SET status = :status, published_ref = COALESCE(:ref, published_ref),
				       completed_at = CASE WHEN :status IN ('complete', 'failed') THEN :now ELSE completed_at END
				 WHERE id = :task AND status = 'review'
				""")
			.param("status", taskStatus)
			.param("ref", ref)
			.param("now", Timestamp.from(now))
			.param("task", task)
			.update();
		event(task, "complete".equals(taskStatus) || ref != null ? "published" : "publish_failed",
				ref == null ? Map.of("error", String.valueOf(error)) : Map.of("ref", ref), now);
	}

	private void failTask(UUID task, ErrorCode code, String message, Instant now) {
		finish(task, "failed", null, message, now);
		this.jdbc.sql("UPDATE tasks SET error_code = :code, error_message = :message WHERE id = :task")
			.param("code", code == null ? null : code.name())
			.param("message", message)
			.param("task", task)
			.update();
	}

	private void invalidate(UUID task, String why, Instant now) {
		failTask(task, ErrorCode.E1004, "invalidated before publishing: " + why, now);
		ErrorMeters.count(this.meters, ErrorCode.E1004, "publisher");
	}

	private void event(UUID task, String event, Map<String, ?> detail, Instant now) {
		this.jdbc.sql("INSERT INTO task_events (task_id, at, event, actor, detail) VALUES (:task, :at, :event, 'publisher', CAST(:detail AS jsonb))")
			.param("task", task)
			.param("at", Timestamp.from(now))
			.param("event", event)
			.param("detail", ChimeraJson.write(detail))
			.update();
	}
}
