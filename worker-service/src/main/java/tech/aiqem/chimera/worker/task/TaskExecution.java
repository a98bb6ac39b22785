package tech.aiqem.chimera.worker.task;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import tech.aiqem.chimera.infra.observability.ErrorMeters;
import tech.aiqem.chimera.infra.time.ScaledClock;
import tech.aiqem.chimera.queue.Delivery;
import tech.aiqem.chimera.queue.ReliableQueue;
import tech.aiqem.chimera.model.ChimeraException;
import tech.aiqem.chimera.model.ChimeraJson;
import tech.aiqem.chimera.model.ErrorCode;
import tech.aiqem.chimera.model.MessageFormatException;
import tech.aiqem.chimera.model.RedisKeys;
import tech.aiqem.chimera.model.message.ResultMessage;
import tech.aiqem.chimera.model.message.TaskMessage;
import tech.aiqem.chimera.worker.config.WorkerProperties;

/**
 * One delivered task, start to end: decoded (or dead-lettered), worked under the task timeout, its result
 * pushed to the agent's review list and only then acknowledged. A failed attempt is handed out again
 * (E2001 for a timeout) until its attempts run out, then reported failed. The running work is kept in
 * {@code inFlight} so that shutdown can return it to its queue.
 */
final class TaskExecution {

	/** The runner's logger: operators and the fault suite read the runner's lines ("worker timeout"). */
	private static final Logger log = LoggerFactory.getLogger(TaskRunner.class);

	private final ReliableQueue queue;

	private final TaskWork work;

	private final WorkerProperties properties;

	private final Clock clock;

	private final MeterRegistry meters;

	private final ExecutorService executions;

	private final Map<Delivery, Future<?>> inFlight;

	private final BooleanSupplier running;

	/**
	 * @param executions the threads tasks run on
	 * @param inFlight the work running now, by delivery (shared with the runner's shutdown)
	 * @param running false once the runner stops: writes to Redis are then no longer retried
	 */
	TaskExecution(ReliableQueue queue, TaskWork work, WorkerProperties properties, Clock clock, MeterRegistry meters,
			ExecutorService executions, Map<Delivery, Future<?>> inFlight, BooleanSupplier running) {
		this.queue = queue;
		this.work = work;
		this.properties = properties;
		this.clock = clock;
		this.meters = meters;
		this.executions = executions;
		this.inFlight = inFlight;
		this.running = running;
	}

	void handle(Delivery delivery) {
		TaskMessage task = this.queue.decodeOrDeadLetter(delivery, TaskMessage.class);
		if (task == null) {
			return;
		}
		if (task.agentId() == null || task.campaignId() == null || task.tenantId() == null) {
			this.queue.deadLetter(delivery, "task " + task.taskId() + " has no agent_id, campaign_id or tenant_id");
			return;
		}
		MDC.put("task_id", task.taskId().toString());
		MDC.put("agent_id", task.agentId().toString());
		Instant picked = this.clock.instant();
		Timer.Sample sample = Timer.start(this.meters);
		try {
			recordQueueWait(task, picked);
			ResultMessage result = runWithTimeout(delivery, task, picked);
			if (result == null) {
				return;
			}
			String payload = ChimeraJson.write(result);
			untilDone("delivering the result of task " + task.taskId(), () -> this.queue.push(RedisKeys.review(task.agentId()), payload));
			untilDone("acknowledging task " + task.taskId(), () -> this.queue.ack(delivery));
			sample.stop(Timer.builder("chimera.worker.task").description("Time a worker spent on a task")
				.tag("task_type", task.taskType().wire())
				.tag("outcome", result.failed() ? "failed" : "done")
				.publishPercentiles(0.5, 0.95, 0.99)
				.register(this.meters));
		}
		finally {
			MDC.remove("task_id");
			MDC.remove("agent_id");
		}
	}

	private ResultMessage runWithTimeout(Delivery delivery, TaskMessage task, Instant picked) {
		Future<ResultMessage> future = this.executions.submit(() -> {
			MDC.put("task_id", task.taskId().toString());
			MDC.put("agent_id", String.valueOf(task.agentId()));
			try {
				return this.work.perform(task.assignedTo(this.queue.consumerId()), picked);
			}
			finally {
				MDC.remove("task_id");
				MDC.remove("agent_id");
			}
		});
		this.inFlight.put(delivery, future);
		try {
			return future.get(this.properties.taskTimeout().toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			future.cancel(true);
			return retryOrFail(delivery, task, picked, ErrorCode.E2001,
					"worker timeout: task ran longer than " + this.properties.taskTimeout().toSeconds() + " s");
		}
		catch (CancellationException ex) {
			// Shutdown returned the task to its queue.
			return null;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return null;
		}
		catch (ExecutionException ex) {
			Throwable cause = ex.getCause();
			if (cause instanceof MessageFormatException malformed && task.attemptOrZero() + 1 >= this.properties.maxAttempts()) {
				return ResultMessage.failure(task.taskId(), task.agentId(), null, malformed.getMessage(),
						this.queue.consumerId(), picked, this.clock.instant(), List.of());
			}
			if (cause instanceof ChimeraException chimera) {
				return retryOrFail(delivery, task, picked, chimera.code(), chimera.detail());
			}
			return retryOrFail(delivery, task, picked, null, cause.getClass().getSimpleName() + ": " + cause.getMessage());
		}
		finally {
			this.inFlight.remove(delivery);
		}
	}

	/** Hands the task out again with the next attempt number, or reports it failed after the last one. */
	private ResultMessage retryOrFail(Delivery delivery, TaskMessage task, Instant picked, ErrorCode code, String message) {
		ErrorMeters.count(this.meters, code, "worker");
		if (task.attemptOrZero() + 1 < this.properties.maxAttempts() && code != ErrorCode.E1002) {
			log.warn("Attempt {} of task {} failed ({}); handing it out again", task.attemptOrZero() + 1, task.taskId(), message);
			String next = ChimeraJson.write(task.nextAttempt());
			untilDone("handing out task " + task.taskId() + " again", () -> this.queue.push(delivery.queue(), next));
			untilDone("acknowledging task " + task.taskId(), () -> this.queue.ack(delivery));
			return null;
		}
		log.warn("Task {} failed after {} attempt(s): {}", task.taskId(), task.attemptOrZero() + 1, message);
		return ResultMessage.failure(task.taskId(), task.agentId(), code, message, this.queue.consumerId(), picked,
				this.clock.instant(), List.of());
	}

	private void untilDone(String what, Runnable write) {
		Backoff.untilDone(what, write, this.running);
	}

	private void recordQueueWait(TaskMessage task, Instant picked) {
		Instant queued = task.createdAt();
		if (queued != null && !picked.isBefore(queued)) {
			Timer.builder("chimera.hop.queue_wait")
				.description("From planned to picked by a worker (real time)")
				.tag("task_type", task.taskType().wire())
				.publishPercentiles(0.5, 0.95, 0.99)
				.register(this.meters)
				.record(ScaledClock.realSpan(this.clock, queued, picked));
		}
	}
}
