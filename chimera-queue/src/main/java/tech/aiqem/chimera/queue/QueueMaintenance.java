package tech.aiqem.chimera.queue;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Keeps this process's heartbeat alive and, in every process, returns the messages of consumers that
 * died (their heartbeat expired) and of leases that ended. The heartbeat has a thread of its own, so a
 * slow reap (or a stalled machine) never lets a live consumer's heartbeat lapse and its work be done
 * twice. Errors are logged and retried on the next tick: Redis being away for a while stops neither.
 */
public final class QueueMaintenance implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(QueueMaintenance.class);

	private final Runnable heartbeat;

	private final Runnable reap;

	private final Duration heartbeatTtl;

	private final Duration reapInterval;

	private volatile ScheduledExecutorService heartbeats;

	private volatile ScheduledExecutorService scheduler;

	public QueueMaintenance(ReliableQueue queue, Duration heartbeatTtl, Duration reapInterval) {
		this(queue::heartbeat, () -> {
			queue.reapDeadConsumers();
			queue.returnExpiredLeases();
		}, heartbeatTtl, reapInterval);
	}

	QueueMaintenance(Runnable heartbeat, Runnable reap, Duration heartbeatTtl, Duration reapInterval) {
		this.heartbeat = heartbeat;
		this.reap = reap;
		this.heartbeatTtl = heartbeatTtl;
		this.reapInterval = reapInterval;
	}

	@Override
	public void start() {
		this.heartbeats = Executors.newSingleThreadScheduledExecutor(daemon("queue-heartbeat"));
		this.scheduler = Executors.newSingleThreadScheduledExecutor(daemon("queue-reaper"));
		long beat = Math.max(this.heartbeatTtl.toMillis() / 3, 100);
		this.heartbeats.scheduleWithFixedDelay(() -> guarded("heartbeat", this.heartbeat), 0, beat, TimeUnit.MILLISECONDS);
		this.scheduler.scheduleWithFixedDelay(() -> guarded("reaper", this.reap), this.reapInterval.toMillis(),
				this.reapInterval.toMillis(), TimeUnit.MILLISECONDS);
	}

	private static java.util.concurrent.ThreadFactory daemon(String name) {
		return runnable -> {
			Thread thread = new Thread(runnable, name);
			thread.setDaemon(true);
			return thread;
		};
	}

	private void guarded(String what, Runnable action) {
		try {
			action.run();
		}
		catch (RuntimeException ex) {
			log.warn("Queue {} failed, will retry: {}", what, ex.getMessage());
		}
	}

	@Override
	public void stop() {
		for (ScheduledExecutorService running : new ScheduledExecutorService[] { this.scheduler, this.heartbeats }) {
			if (running != null) {
				running.shutdownNow();
			}
		}
		this.scheduler = null;
		this.heartbeats = null;
	}

	@Override
	public boolean isRunning() {
		return this.scheduler != null;
	}

	@Override
	public int getPhase() {
		// Stops after the consumers (which return their messages) and starts before them.
		return Integer.MIN_VALUE + 1000;
	}
}
