package tech.aiqem.chimera.worker.task;

import java.time.Clock;

import tech.aiqem.chimera.gateway.ModelGateway;
import tech.aiqem.chimera.infra.memory.ShortTermMemory;
import tech.aiqem.chimera.toolclient.ToolsClient;

/** Builds the worker's task work for the configuration package. */
public final class Workers {

	private Workers() {
	}

	public static TaskWork work(ModelGateway models, ToolsClient tools, Clock clock, String workerId,
			ShortTermMemory shortTerm) {
		return new TaskWork(models, tools, clock, workerId, shortTerm);
	}
}
