package tech.aiqem.chimera.worker.task;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.context.SmartLifecycle;

import tech.aiqem.chimera.infra.observability.ErrorMeters;
import tech.aiqem.chimera.model.ChimeraException;
import tech.aiqem.chimera.model.ChimeraJson;
import tech.aiqem.chimera.model.ErrorCode;
import tech.aiqem.chimera.model.MessageFormatException;
import tech.aiqem.chimera.model.RedisKeys;
import tech.aiqem.chimera.model.message.ResultMessage;
import tech.aiqem.chimera.model.message.TaskMessage;
import tech.aiqem.chimera.queue.Delivery;
import tech.aiqem.chimera.queue.ReliableQueue;
import tech.aiqem.chimera.worker.config.WorkerProperties;

/**
 * Works up to {@code concurrency} tasks at once, popped by a few consumers (each with its own blocking
 * connection). A consumer pops a task only when a slot is free (reliably: it sits in this worker's
 * processing list until acknowledged) and hands it to a task thread, which works it under the task
 * timeout, pushes the result to the agent's review list and only then acknowledges the task. A task
 * over the timeout is abandoned and handed out again (E2001) until its attempts run out, then reported
 * failed. On shutdown, running tasks get a grace period and are otherwise returned to their queue. With
 * virtual threads (JVM 21+ and {@code spring.threads.virtual.enabled}) thousands of tasks waiting on
 * a model can be in flight without as many platform threads.
 */
public final class TaskRunner implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(TaskRunner.class);

	private final ReliableQueue queue;

	private final TaskWork work;

	private final WorkerProperties properties;

	private final Clock clock;

	private final MeterRegistry meters;

	private final ThreadFactory taskThreads;

	private final Map<Delivery, Future<?>> inFlight = new ConcurrentHashMap<>();

	private final Semaphore slots;

	private volatile boolean running;

	private ExecutorService consumers;

	private ExecutorService executions;

	public TaskRunner(ReliableQueue queue, TaskWork work, WorkerProperties properties, Clock clock, MeterRegistry meters) {
		this(queue, work, properties, clock, meters, named("task"));
	}

	/**
	 * @param taskThreads makes the threads tasks run on (virtual ones when the JVM and the configuration allow)
	 */
	public TaskRunner(ReliableQueue queue, TaskWork work, WorkerProperties properties, Clock clock, MeterRegistry meters,
			ThreadFactory taskThreads) {
		this.queue = queue;
		this.work = work;
		this.properties = properties;
		this.clock = clock;
		this.meters = meters;
		this.taskThreads = taskThreads;
		this.slots = new Semaphore(properties.concurrency());
		ErrorMeters.register(meters, "worker");
	}

	@Override
	public void start() {
		this.running = true;
		int consumers = consumers(this.properties);
		this.consumers = Executors.newFixedThreadPool(consumers, named("consumer"));
		this.executions = Executors.newCachedThreadPool(this.taskThreads);
		for (int i = 0; i < consumers; i++) {
			this.consumers.submit(this::consume);
		}
	}

	/** Popping threads: never more than tasks that may run at once. */
	static int consumers(WorkerProperties properties) {
		return Math.min(properties.consumers(), properties.concurrency());
	}

	private void consume() {
		try (ReliableQueue.Consumer consumer = this.queue.consumer()) {
			int failures = 0;
			while (this.running) {
				try {
					// A task is popped only when it can start: one this worker cannot run yet stays queued for another.
					if (!this.slots.tryAcquire(this.properties.popWait().toMillis(), TimeUnit.MILLISECONDS)) {
						continue;
					}
					Delivery delivery;
					try {
						delivery = consumer.popByPriority(RedisKeys.taskQueues(), this.properties.popWait());
					}
					catch (RuntimeException ex) {
						this.slots.release();
						throw ex;
					}
					failures = 0;
					if (delivery == null) {
						this.slots.release();
						continue;
					}
					this.executions.execute(() -> {
						try {
							handle(delivery);
						}
						catch (RuntimeException ex) {
							log.warn("Task handling failed; the task stays held until the reaper returns it: {}", ex.getMessage());
						}
						finally {
							this.slots.release();
						}
					});
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return;
				}
				catch (RuntimeException ex) {
					// Redis away (E2002): back off exponentially instead of hammering it; the thread never dies.
					long backoff = Math.min(5_000, 100L << Math.min(++failures, 6));
					log.warn("Consumer error ({} in a row), retrying in {} ms: {}", failures, backoff, ex.getMessage());
					sleep(backoff);
				}
			}
		}
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

	/**
	 * Redis may be away for a while (E2002): what a finished task must write is retried with backoff until
	 * Redis takes it, so the work is not stranded in this live worker's processing list. On shutdown it
	 * gives up: the message stays there and the reaper returns it once this worker's heartbeat is gone.
	 */
	private void untilDone(String what, Runnable write) {
		long backoff = 100;
		while (true) {
			try {
				write.run();
				return;
			}
			catch (RuntimeException ex) {
				if (!this.running) {
					throw ex;
				}
				log.warn("{} {} ({}): {}; retrying in {} ms", what, ErrorCode.E2002.name(), ErrorCode.E2002.description(),
						ex.getMessage(), backoff);
				sleep(backoff);
				backoff = Math.min(5_000, backoff * 2);
			}
		}
	}

	private void recordQueueWait(TaskMessage task, Instant picked) {
		Instant queued = task.createdAt();
		if (queued != null && !picked.isBefore(queued)) {
			Timer.builder("chimera.hop.queue_wait")
				.description("From planned to picked by a worker")
				.tag("task_type", task.taskType().wire())
				.publishPercentiles(0.5, 0.95, 0.99)
				.register(this.meters)
				.record(java.time.Duration.between(queued, picked));
		}
	}

	@Override
	public void stop() {
		this.running = false;
		if (this.consumers == null) {
			return;
		}
		this.consumers.shutdown();
		long deadline = System.nanoTime() + this.properties.shutdownGrace().toNanos();
		try {
			boolean consumersDone = this.consumers.awaitTermination(this.properties.shutdownGrace().toMillis(), TimeUnit.MILLISECONDS);
			long left = Math.max(0, deadline - System.nanoTime());
			boolean idle = consumersDone && this.slots.tryAcquire(this.properties.concurrency(), left, TimeUnit.NANOSECONDS);
			if (idle) {
				this.slots.release(this.properties.concurrency());
			}
			else {
				// Tasks still running past the grace period go back to their queue for another worker.
				this.inFlight.forEach((delivery, future) -> {
					future.cancel(true);
					this.queue.requeue(delivery);
					log.info("Returned task from {} to its queue on shutdown", delivery.queue());
				});
				this.consumers.shutdownNow();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		this.executions.shutdownNow();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return 0;
	}

	static ThreadFactory named(String prefix) {
		java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
		return runnable -> {
			Thread thread = new Thread(runnable, prefix + "-" + n.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}
}
