package tech.aiqem.chimera.worker.config;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import tech.aiqem.chimera.infra.mcp.ToolsClient;
import tech.aiqem.chimera.infra.memory.ShortTermMemory;
import tech.aiqem.chimera.infra.model.ModelGateway;
import tech.aiqem.chimera.infra.queue.ReliableQueue;
import tech.aiqem.chimera.worker.task.TaskRunner;
import tech.aiqem.chimera.worker.task.Workers;

@Configuration(proxyBeanMethods = false)
class WorkerConfiguration {

	@Bean
	TaskRunner taskRunner(ReliableQueue queue, ModelGateway models, ToolsClient tools, WorkerProperties properties,
			Clock clock, MeterRegistry meters, ShortTermMemory shortTerm) {
		return new TaskRunner(queue, Workers.work(models, tools, clock, queue.consumerId(), shortTerm), properties, clock,
				meters);
	}
}
