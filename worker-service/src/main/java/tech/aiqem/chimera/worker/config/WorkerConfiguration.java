package tech.aiqem.chimera.worker.config;

import java.time.Clock;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.thread.Threading;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.task.VirtualThreadTaskExecutor;

import tech.aiqem.chimera.gateway.ModelGateway;
import tech.aiqem.chimera.infra.memory.ShortTermMemory;
import tech.aiqem.chimera.queue.ReliableQueue;
import tech.aiqem.chimera.toolclient.ToolsClient;
import tech.aiqem.chimera.worker.task.TaskRunner;
import tech.aiqem.chimera.worker.task.Workers;

@Configuration(proxyBeanMethods = false)
class WorkerConfiguration {

	@Bean
	TaskRunner taskRunner(ReliableQueue queue, ModelGateway models, ToolsClient tools, WorkerProperties properties,
			Clock clock, MeterRegistry meters, ShortTermMemory shortTerm, Environment environment) {
		return new TaskRunner(queue, Workers.work(models, tools, clock, queue.consumerId(), shortTerm), properties, clock,
				meters, taskThreads(environment));
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
