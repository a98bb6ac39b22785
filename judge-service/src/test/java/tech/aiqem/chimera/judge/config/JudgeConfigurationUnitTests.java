package tech.aiqem.chimera.judge.config;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class JudgeConfigurationUnitTests {

	@Test
	void callsRunOnVirtualThreadsOnlyWhenEnabledOnAJvmThatHasThem() throws Exception {
		Thread enabled = JudgeConfiguration.callThreads(new MockEnvironment().withProperty("spring.threads.virtual.enabled", "true"), "judge-model-")
			.newThread(() -> { });
		Thread disabled = JudgeConfiguration.callThreads(new MockEnvironment(), "judge-model-").newThread(() -> { });

		assertThat(isVirtual(disabled)).isFalse();
		assertThat(disabled.getName()).isEqualTo("judge-model-1");
		assertThat(isVirtual(enabled)).isEqualTo(Runtime.version().feature() >= 21);
	}

	private static boolean isVirtual(Thread thread) throws Exception {
		if (Runtime.version().feature() < 21) {
			return false;
		}
		return (boolean) Thread.class.getMethod("isVirtual").invoke(thread);
	}
}
