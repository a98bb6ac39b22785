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
import org.springframework.transaction.support.TransactionTemplate;

import tech.aiqem.chimera.infra.observability.ErrorMeters;
import tech.aiqem.chimera.infra.time.ScaledClock;
import tech.aiqem.chimera.ledger.Ledger;
import tech.aiqem.chimera.ledger.Outbox;
import tech.aiqem.chimera.ledger.OutboxItem;
import tech.aiqem.chimera.ledger.TaskLedger;
import tech.aiqem.chimera.model.AgentId;
import tech.aiqem.chimera.model.CampaignStatus;
import tech.aiqem.chimera.model.ChimeraException;
import tech.aiqem.chimera.model.ChimeraJson;
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
 * Performs approved actions from the outbox. Each is claimed with a lease ({@link Outbox#claimNext}), so
 * publisher replicas never take the same one and one whose publisher died comes back when the lease ends;
 * no row lock or pooled connection is held across the tool call, and the outcome is written in its own
 * short transaction. The tool call carries the task id, so repeating it after a crash returns the first
 * outcome instead of posting or paying again. Nothing stale is published: an action of a campaign that was
 * edited or ended since is invalidated (E1004); one of a paused campaign waits, and one of an agent that is
 * not active is not even claimed.
 */
public final class Publisher {

	private static final Logger log = LoggerFactory.getLogger(Publisher.class);

	private final TaskLedger ledger;

	private final Outbox outbox;

	private final TransactionTemplate transactions;

	private final ToolsClient tools;

	private final Clock clock;

	private final MeterRegistry meters;

	private final int maxAttempts;

	private final Duration lease;

	/**
	 * @param lease how long a claimed action stays out of other publishers' reach, in real time (longer than
	 * a tool call with its retries can take)
	 */
	public Publisher(Ledger ledger, TransactionTemplate transactions, ToolsClient tools, Clock clock,
			MeterRegistry meters, int maxAttempts, Duration lease) {
		this.ledger = ledger.tasks();
		this.outbox = ledger.outbox();
		this.transactions = transactions;
		this.tools = tools;
		this.clock = clock;
		this.meters = meters;
		this.maxAttempts = maxAttempts;
		this.lease = ScaledClock.onClock(clock, lease);
		ErrorMeters.register(meters, "publisher");
	}

	/** Publishes one due action; true when there was one. */
	public boolean publishNext() {
		Instant now = this.clock.instant();
		OutboxItem item = this.outbox.claimNext(now, now.plus(this.lease)).orElse(null);
		if (item == null) {
			return false;
		}
		MDC.put("task_id", item.task().toString());
		MDC.put("agent_id", item.agent().toString());
		try {
			publish(item, now);
		}
		finally {
			MDC.remove("task_id");
			MDC.remove("agent_id");
		}
		return true;
	}

	/** Writes an outcome: the task row, its event and the outbox row together. */
	private void write(Runnable outcome) {
		this.transactions.executeWithoutResult(status -> outcome.run());
	}

	private void publish(OutboxItem item, Instant now) {
		UUID task = item.task();
		if (item.taskStatus() != TaskStatus.REVIEW) {
			write(() -> this.ledger.publishFailed(task, null, "task is " + item.taskStatus().wire(), now));
			return;
		}
		if (item.stale()) {
			invalidate(task, "campaign changed since approval (" + item.campaignStatus().wire() + ", goals revision "
					+ item.campaignRevision() + ")", now);
			return;
		}
		if (item.campaignStatus() == CampaignStatus.PAUSED) {
			this.outbox.defer(task, now.plus(Duration.ofMinutes(1)), null);
			return;
		}
		Publication publication = item.publication();
		ToolCallContext context = new ToolCallContext(new AgentId(item.agent()), new TenantId(item.tenant()),
				new TaskId(task), publication.inReplyTo());
		long started = System.nanoTime();
		try {
			if (Publication.POST.equals(publication.action())) {
				ToolResults.PostReceipt receipt = this.tools.postContent(context, publication.platform(),
						publication.textContent(), publication.mediaUrls(), publication.disclosureLevel());
				Instant done = this.clock.instant();
				write(() -> this.ledger.published(task, TaskStatus.COMPLETE, receipt.postId(), done));
				log.info("Published task {} as {} post {}{}", task, receipt.platform().wire(), receipt.postId(),
						receipt.replayed() ? " (already published)" : "");
				remember(context, publication, receipt);
			}
			else {
				ToolResults.PaymentResult receipt = this.tools.sendPayment(context, publication.payment());
				boolean confirmed = "confirmed".equals(receipt.status());
				Instant done = this.clock.instant();
				write(() -> this.ledger.published(task, confirmed ? TaskStatus.COMPLETE : TaskStatus.REVIEW,
						receipt.transactionHash(), done));
				log.info("Sent payment of task {}: {} ({})", task, receipt.transactionHash(), receipt.status());
			}
			this.meters.timer("chimera.tool.latency", "tool", Publication.POST.equals(publication.action()) ? "post_content" : "send_payment")
				.record(Duration.ofNanos(System.nanoTime() - started));
		}
		catch (ToolErrorException ex) {
			if (ex.isRetryLater()) {
				// Not a refusal: the platform keeps the slot for this task and publishes it when called again then
				// (a backlog after an outage can pass an account's daily quota).
				this.outbox.defer(task, ex.retryAt(), ex.getMessage());
				log.info("Publishing task {} deferred by the platform until {}", task, ex.retryAt());
				return;
			}
			if (ex.failure().transientFailure()) {
				// the tools server's own store or the platform was away: nothing was done, and the same task id
				// is safe to call again, so this waits and retries instead of failing the task
				retryLater(task, item.attempts() + 1, new ChimeraException(ErrorCode.E2002, ex.getMessage()), now);
				return;
			}
			log.warn("Tool refused task {}: {}", task, ex.getMessage());
			write(() -> this.ledger.publishFailed(task, ex.code(), "tool refused: " + ex.getMessage(), now));
		}
		catch (ChimeraException ex) {
			retryLater(task, item.attempts() + 1, ex, now);
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
			write(() -> this.ledger.publishFailed(task, ex.code(), ex.getMessage(), now));
			return;
		}
		// Real time, as the outage it waits out is: on a demo clock at x2400, 4 s of campaign time would spend all
		// the attempts within one Redis restart.
		Duration backoff = ScaledClock.onClock(this.clock, Duration.ofSeconds(Math.min(300, 2L << Math.min(attempts, 8))));
		this.outbox.retry(task, attempts, ex.getMessage(), this.clock.instant().plus(backoff));
	}

	private void invalidate(UUID task, String why, Instant now) {
		write(() -> this.ledger.publishFailed(task, ErrorCode.E1004, "invalidated before publishing: " + why, now));
		ErrorMeters.count(this.meters, ErrorCode.E1004, "publisher");
	}
}
