package tech.aiqem.chimera.judge.publish;

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

import tech.aiqem.chimera.infra.observability.ErrorMeters;
import tech.aiqem.chimera.infra.time.ScaledClock;
import tech.aiqem.chimera.ledger.OutboxItem;
import tech.aiqem.chimera.model.AgentId;
import tech.aiqem.chimera.model.CampaignStatus;
import tech.aiqem.chimera.model.ChimeraException;
import tech.aiqem.chimera.model.ErrorCode;
import tech.aiqem.chimera.model.MemoryType;
import tech.aiqem.chimera.model.TaskId;
import tech.aiqem.chimera.model.TaskStatus;
import tech.aiqem.chimera.model.TenantId;
import tech.aiqem.chimera.model.message.Publication;
import tech.aiqem.chimera.toolclient.ToolCallContext;
import tech.aiqem.chimera.toolclient.ToolErrorException;
import tech.aiqem.chimera.toolclient.ToolResults;
import tech.aiqem.chimera.toolclient.ToolsClient;

/**
 * Performs one claimed action through the tools server and says what became of it, writing nothing: the
 * {@link Publisher} writes the outcomes of a batch together. Safe to call from many threads at once.
 */
final class Performer {

	private static final Logger log = LoggerFactory.getLogger(Performer.class);

	private final ToolsClient tools;

	private final Clock clock;

	private final MeterRegistry meters;

	private final int maxAttempts;

	Performer(ToolsClient tools, Clock clock, MeterRegistry meters, int maxAttempts) {
		this.tools = tools;
		this.clock = clock;
		this.meters = meters;
		this.maxAttempts = maxAttempts;
	}

	/** The outcome of an action that must not be performed (not in review, stale, paused); null when it may be. */
	Outcome screen(OutboxItem item, Instant now) {
		UUID task = item.task();
		if (item.taskStatus() != TaskStatus.REVIEW) {
			return new Outcome.Failed(task, null, "task is " + item.taskStatus().wire(), now);
		}
		if (item.stale()) {
			ErrorMeters.count(this.meters, ErrorCode.E1004, "publisher");
			return new Outcome.Failed(task, ErrorCode.E1004, "invalidated before publishing: campaign changed since approval ("
					+ item.campaignStatus().wire() + ", goals revision " + item.campaignRevision() + ")", now);
		}
		if (item.campaignStatus() == CampaignStatus.PAUSED) {
			return new Outcome.Deferred(task, now.plus(Duration.ofMinutes(1)), null);
		}
		return null;
	}

	/**
	 * Calls {@code post_content} or {@code send_payment} with the task id as idempotency key. Null when the call
	 * failed in a way nothing here knows, or was not made because the lease ended while it waited for a thread
	 * (another publisher may hold the action now): the action is due again when its lease ends.
	 */
	Outcome perform(OutboxItem item, Instant now, Instant leaseUntil) {
		if (!this.clock.instant().isBefore(leaseUntil)) {
			log.warn("Not publishing task {}: its lease ended before a thread was free for its call (publish-lease too "
					+ "short for publish-batch and publish-concurrency?)", item.task());
			return null;
		}
		MDC.put("task_id", item.task().toString());
		MDC.put("agent_id", item.agent().toString());
		try {
			return call(item, now);
		}
		catch (RuntimeException ex) {
			ErrorMeters.count(this.meters, null, "publisher");
			log.error("Publishing task {} failed; it is due again when its lease ends", item.task(), ex);
			return null;
		}
		finally {
			MDC.remove("task_id");
			MDC.remove("agent_id");
		}
	}

	private Outcome call(OutboxItem item, Instant now) {
		UUID task = item.task();
		Publication publication = item.publication();
		ToolCallContext context = new ToolCallContext(new AgentId(item.agent()), new TenantId(item.tenant()),
				new TaskId(task), publication.inReplyTo());
		boolean post = Publication.POST.equals(publication.action());
		long started = System.nanoTime();
		try {
			Outcome outcome;
			if (post) {
				ToolResults.PostReceipt receipt = this.tools.postContent(context, publication.platform(),
						publication.textContent(), publication.mediaUrls(), publication.disclosureLevel());
				log.info("Published task {} as {} post {}{}", task, receipt.platform().wire(), receipt.postId(),
						receipt.replayed() ? " (already published)" : "");
				outcome = new Outcome.Published(task, TaskStatus.COMPLETE, receipt.postId(), this.clock.instant(),
						() -> remember(context, publication, receipt));
			}
			else {
				ToolResults.PaymentResult receipt = this.tools.sendPayment(context, publication.payment());
				boolean confirmed = "confirmed".equals(receipt.status());
				log.info("Sent payment of task {}: {} ({})", task, receipt.transactionHash(), receipt.status());
				outcome = new Outcome.Published(task, confirmed ? TaskStatus.COMPLETE : TaskStatus.REVIEW,
						receipt.transactionHash(), this.clock.instant(), null);
			}
			this.meters.timer("chimera.tool.latency", "tool", post ? "post_content" : "send_payment")
				.record(Duration.ofNanos(System.nanoTime() - started));
			return outcome;
		}
		catch (ToolErrorException ex) {
			if (ex.isRetryLater()) {
				// Not a refusal: the platform keeps the slot for this task and publishes it when called again then
				// (a backlog after an outage can pass an account's daily quota).
				log.info("Publishing task {} deferred by the platform until {}", task, ex.retryAt());
				return new Outcome.Deferred(task, ex.retryAt(), ex.getMessage());
			}
			if (ex.failure().transientFailure()) {
				// the tools server's own store or the platform was away: nothing was done, and the same task id
				// is safe to call again, so this waits and retries instead of failing the task
				return retryLater(task, item.attempts() + 1, new ChimeraException(ErrorCode.E2002, ex.getMessage()), now);
			}
			log.warn("Tool refused task {}: {}", task, ex.getMessage());
			return new Outcome.Failed(task, ex.code(), "tool refused: " + ex.getMessage(), now);
		}
		catch (ChimeraException ex) {
			return retryLater(task, item.attempts() + 1, ex, now);
		}
	}

	private Outcome retryLater(UUID task, int attempts, ChimeraException ex, Instant now) {
		ErrorMeters.count(this.meters, ex.code(), "publisher");
		if (attempts >= this.maxAttempts) {
			log.error("Giving up publishing task {} after {} attempts: {}", task, attempts, ex.getMessage());
			return new Outcome.Failed(task, ex.code(), ex.getMessage(), now);
		}
		// Real time, as the outage it waits out is: on a demo clock at x2400, 4 s of campaign time would spend all
		// the attempts within one Redis restart.
		Duration backoff = ScaledClock.onClock(this.clock, Duration.ofSeconds(Math.min(300, 2L << Math.min(attempts, 8))));
		return new Outcome.Retried(task, attempts, ex.getMessage(), this.clock.instant().plus(backoff));
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
		MDC.put("task_id", context.task().toString());
		MDC.put("agent_id", context.agent().toString());
		try {
			this.tools.remember(context, memoryText(publication.textContent()), MemoryType.CONVERSATION, 0.6, memoryContext);
		}
		catch (RuntimeException ex) {
			log.warn("Published task {} but could not remember it: {}", context.task(), ex.getMessage());
		}
		finally {
			MDC.remove("task_id");
			MDC.remove("agent_id");
		}
	}

	/** The remember tool takes up to 2000 characters; an Instagram caption may be longer. */
	static String memoryText(String text) {
		int limit = 2000;
		String stripped = text.strip();
		return stripped.codePointCount(0, stripped.length()) <= limit ? stripped
				: stripped.substring(0, stripped.offsetByCodePoints(0, limit));
	}
}
