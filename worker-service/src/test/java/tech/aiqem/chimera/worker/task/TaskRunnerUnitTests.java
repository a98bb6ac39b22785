package tech.aiqem.chimera.worker.task;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import tech.aiqem.chimera.worker.config.WorkerProperties;

import static org.assertj.core.api.Assertions.assertThat;

class TaskRunnerUnitTests {

	@Test
	void aFewConsumersFeedManyTasksInFlight() {
		assertThat(TaskRunner.consumers(properties(4096, 8))).isEqualTo(8);
	}

	@Test
	void neverMoreConsumersThanTasksThatMayRun() {
		assertThat(TaskRunner.consumers(properties(2, 8))).isEqualTo(2);
	}

	private static WorkerProperties properties(int concurrency, int consumers) {
		return new WorkerProperties(concurrency, consumers, Duration.ofSeconds(60), 3, Duration.ofSeconds(1),
				Duration.ofSeconds(20), 1000);
	}
}
