package tech.aiqem.chimera.worker.config;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class WorkerConfigurationUnitTests {

	@Test
	void taskThreadsAreVirtualOnlyWhenEnabledOnAJvmThatHasThem() throws Exception {
		Thread enabled = WorkerConfiguration.taskThreads(new MockEnvironment().withProperty("spring.threads.virtual.enabled", "true"))
			.newThread(() -> { });
		Thread disabled = WorkerConfiguration.taskThreads(new MockEnvironment()).newThread(() -> { });

		assertThat(isVirtual(disabled)).isFalse();
		assertThat(disabled.isDaemon()).isTrue();
		assertThat(isVirtual(enabled)).isEqualTo(Runtime.version().feature() >= 21);
	}

	private static boolean isVirtual(Thread thread) throws Exception {
		if (Runtime.version().feature() < 21) {
			return false;
		}
		return (boolean) Thread.class.getMethod("isVirtual").invoke(thread);
	}
}
