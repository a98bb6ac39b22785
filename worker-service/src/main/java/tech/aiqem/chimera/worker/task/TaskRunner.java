package tech.aiqem.chimera.worker.task;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import tech.aiqem.chimera.infra.observability.ErrorMeters;
import tech.aiqem.chimera.queue.Delivery;
import tech.aiqem.chimera.queue.ReliableQueue;
import tech.aiqem.chimera.model.RedisKeys;
import tech.aiqem.chimera.worker.config.WorkerProperties;

/**
 * Works up to {@code concurrency} tasks at once, popped by a few consumers (each with its own blocking
 * connection). A consumer pops a task only when a slot is free (reliably: it sits in this worker's
 * processing list until acknowledged) and hands it to a task thread, which works it
 * ({@link TaskExecution}: under the task timeout, result pushed before the task is acknowledged, retried
 * until its attempts run out). On shutdown, running tasks get a grace period and are otherwise returned to
 * their queue. With virtual threads (JVM 21+ and {@code spring.threads.virtual.enabled}) thousands of tasks
 * waiting on a model can be in flight without as many platform threads.
 */
public final class TaskRunner implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(TaskRunner.class);

	/** How long a consumer waits before it looks again whether the judges have caught up. */
	static final Duration HOLD_BACK_PAUSE = Duration.ofMillis(100);

	private final ReliableQueue queue;

	private final TaskWork work;

	private final WorkerProperties properties;

	private final Clock clock;

	private final MeterRegistry meters;

	private final ThreadFactory taskThreads;

	private final Map<Delivery, Future<?>> inFlight = new ConcurrentHashMap<>();

	private final Semaphore slots;

	private final ReviewBacklogGate backlog;

	private volatile boolean running;

	private ExecutorService consumers;

	private ExecutorService executions;

	private TaskExecution execution;

	public TaskRunner(ReliableQueue queue, TaskWork work, WorkerProperties properties, Clock clock, MeterRegistry meters) {
		this(queue, work, properties, clock, meters, named("task"), ReviewBacklogGate.never());
	}

	/**
	 * @param taskThreads makes the threads tasks run on (virtual ones when the JVM and the configuration allow)
	 * @param backlog while it holds back, no task is popped (the judges are behind)
	 */
	public TaskRunner(ReliableQueue queue, TaskWork work, WorkerProperties properties, Clock clock, MeterRegistry meters,
			ThreadFactory taskThreads, ReviewBacklogGate backlog) {
		this.backlog = backlog;
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
		this.execution = new TaskExecution(this.queue, this.work, this.properties, this.clock, this.meters, this.executions,
				this.inFlight, () -> this.running);
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
					// While the judges are behind, tasks wait in their queues rather than as results in review lists.
					if (this.backlog.holdsBack()) {
						Thread.sleep(HOLD_BACK_PAUSE.toMillis());
						continue;
					}
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
							this.execution.handle(delivery);
						}
						catch (RuntimeException ex) {
							// every delivery taken ends acknowledged, returned or dead-lettered: a failure nothing
							// handled is a bug that a retry repeats, so the message is parked with its reason (its
							// task is swept with E2001 after its deadline); if Redis is away, its lease brings it back
							if (!this.running) {
								log.warn("Task handling stopped by the shutdown; the message stays held for the shutdown or its lease to return: {}", ex.getMessage());
								return;
							}
							log.error("Task handling failed unexpectedly; dead-lettering the message", ex);
							try {
								this.queue.deadLetter(delivery, "worker failed: " + ex);
							}
							catch (RuntimeException notParked) {
								log.warn("Could not dead-letter it ({}); its lease returns it", notParked.getMessage());
							}
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
					long backoff = Backoff.afterFailures(++failures);
					log.warn("Consumer error ({} in a row), retrying in {} ms: {}", failures, backoff, ex.getMessage());
					Backoff.sleep(backoff);
				}
			}
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
		AtomicInteger n = new AtomicInteger();
		return runnable -> {
			Thread thread = new Thread(runnable, prefix + "-" + n.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
	}
}
