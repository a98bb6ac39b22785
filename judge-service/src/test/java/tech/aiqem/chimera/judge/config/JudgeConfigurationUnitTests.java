package tech.aiqem.chimera.judge.config;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class JudgeConfigurationUnitTests {

	@Test
	void modelCallsRunOnVirtualThreadsOnlyWhenEnabledOnAJvmThatHasThem() throws Exception {
		Thread enabled = JudgeConfiguration.modelCallThreads(new MockEnvironment().withProperty("spring.threads.virtual.enabled", "true"))
			.newThread(() -> { });
		Thread disabled = JudgeConfiguration.modelCallThreads(new MockEnvironment()).newThread(() -> { });

		assertThat(isVirtual(disabled)).isFalse();
		assertThat(isVirtual(enabled)).isEqualTo(Runtime.version().feature() >= 21);
	}

	private static boolean isVirtual(Thread thread) throws Exception {
		if (Runtime.version().feature() < 21) {
			return false;
		}
		return (boolean) Thread.class.getMethod("isVirtual").invoke(thread);
	}
}
