package tech.aiqem.chimera.infra.observability;

import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import static org.assertj.core.api.Assertions.assertThat;

class TaskMdcUnitTests {

	@AfterEach
	void clear() {
		MDC.clear();
	}

	@Test
	void scopeSetsBothIdsAndRestoresWhatWasThere() {
		UUID task = UUID.randomUUID();
		UUID agent = UUID.randomUUID();
		MDC.put(TaskMdc.TASK_ID, "outer");
		try (TaskMdc.Scope scope = TaskMdc.of(task, agent)) {
			assertThat(MDC.get(TaskMdc.TASK_ID)).isEqualTo(task.toString());
			assertThat(MDC.get(TaskMdc.AGENT_ID)).isEqualTo(agent.toString());
		}
		assertThat(MDC.get(TaskMdc.TASK_ID)).isEqualTo("outer");
		assertThat(MDC.get(TaskMdc.AGENT_ID)).isNull();
	}

	@Test
	void nullIdsAreNotWritten() {
		try (TaskMdc.Scope scope = TaskMdc.of(null, "agent-1")) {
			assertThat(MDC.get(TaskMdc.TASK_ID)).isNull();
			assertThat(MDC.get(TaskMdc.AGENT_ID)).isEqualTo("agent-1");
		}
	}

	@Test
	void propagatedWorkSeesTheCallersIdsAndLeavesThePoolThreadClean() throws Exception {
		ExecutorService pool = Executors.newSingleThreadExecutor();
		try {
			AtomicReference<String> seen = new AtomicReference<>();
			try (TaskMdc.Scope scope = TaskMdc.of("task-7", "agent-7")) {
				String result = pool.submit(TaskMdc.propagate(() -> MDC.get(TaskMdc.TASK_ID) + "/" + MDC.get(TaskMdc.AGENT_ID))).get();
				assertThat(result).isEqualTo("task-7/agent-7");
				pool.submit(TaskMdc.propagate(() -> seen.set(MDC.get(TaskMdc.AGENT_ID)))).get();
			}
			assertThat(seen).hasValue("agent-7");
			assertThat(pool.submit(() -> MDC.get(TaskMdc.TASK_ID)).get()).isNull();
		}
		finally {
			pool.shutdown();
			pool.awaitTermination(5, TimeUnit.SECONDS);
		}
	}
}
