package tech.aiqem.chimera.worker.config;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.thread.Threading;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.task.VirtualThreadTaskExecutor;

import tech.aiqem.chimera.gateway.ModelGateway;
import tech.aiqem.chimera.gateway.ModelProperties;
import tech.aiqem.chimera.infra.memory.ShortTermMemory;
import tech.aiqem.chimera.queue.ReliableQueue;
import tech.aiqem.chimera.queue.ReviewBacklog;
import tech.aiqem.chimera.toolclient.ToolsClient;
import tech.aiqem.chimera.worker.task.ReviewBacklogGate;
import tech.aiqem.chimera.worker.task.TaskRunner;
import tech.aiqem.chimera.worker.task.Workers;

@Configuration(proxyBeanMethods = false)
class WorkerConfiguration {

	/** How often a worker reads the judges' backlog (one GET). */
	static final Duration BACKLOG_REFRESH = Duration.ofMillis(250);

	@Bean
	TaskRunner taskRunner(ReliableQueue queue, ModelGateway models, ToolsClient tools, WorkerProperties properties,
			ModelProperties modelProperties, Clock clock, MeterRegistry meters, ShortTermMemory shortTerm,
			Environment environment, ReviewBacklog backlog) {
		checkTimeouts(properties, modelProperties);
		return new TaskRunner(queue, Workers.work(models, tools, clock, queue.consumerId(), shortTerm), properties, clock,
				meters, taskThreads(environment),
				new ReviewBacklogGate(backlog::published, properties.maxReviewBacklog(), BACKLOG_REFRESH));
	}

	/**
	 * A task must outlast a hosted provider that hangs until its time limit and then the next provider's call;
	 * with the model timeout as long as the task timeout, a hang used up the task and the fallback never ran.
	 * The offline model alone has no fallback to leave room for (the fault suite runs it with a 3 s task timeout).
	 */
	static void checkTimeouts(WorkerProperties worker, ModelProperties models) {
		Duration needed = models.timeout().multipliedBy(2);
		if (models.anyHosted() && worker.taskTimeout().compareTo(needed) < 0) {
			throw new IllegalStateException("chimera.worker.task-timeout (" + worker.taskTimeout().toMillis()
					+ " ms) must be at least twice chimera.models.timeout (" + models.timeout().toMillis() + " ms), so that a "
					+ "model provider that hangs until its time limit leaves time for the next provider of the chain");
		}
	}

	/** Virtual threads when the JVM has them and {@code spring.threads.virtual.enabled} is set, else platform ones. */
	static ThreadFactory taskThreads(Environment environment) {
		if (Threading.VIRTUAL.isActive(environment)) {
			return new VirtualThreadTaskExecutor("task-").getVirtualThreadFactory();
		}
		AtomicInteger count = new AtomicInteger();
		return runnable -> {
			Thread thread = new Thread(runnable, "task-" + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
	}
}
