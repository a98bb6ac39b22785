package tech.aiqem.chimera.worker.config;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.mock.env.MockEnvironment;

import tech.aiqem.chimera.gateway.ModelProperties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNoException;

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

	@Test
	void theDefaultTimeoutsLeaveATaskRoomForAFallbackProvider() {
		Map<String, String> keyed = Map.of("chimera.models.gemini.api-key", "k", "chimera.models.anthropic.api-key", "k");

		assertThatNoException().isThrownBy(() -> WorkerConfiguration.checkTimeouts(worker(Map.of()), models(keyed)));
	}

	@Test
	void aModelTimeoutThatUsesUpTheTaskStopsStartUp() {
		Map<String, String> keyed = Map.of("chimera.models.gemini.api-key", "k", "chimera.models.timeout", "60s");

		assertThatIllegalStateException().isThrownBy(() -> WorkerConfiguration.checkTimeouts(worker(Map.of()), models(keyed)))
			.withMessageContaining("chimera.worker.task-timeout (60000 ms) must be at least twice chimera.models.timeout");
	}

	@Test
	void theOfflineModelAloneNeedsNoRoomForAFallback() {
		assertThatNoException().isThrownBy(() -> WorkerConfiguration
			.checkTimeouts(worker(Map.of("chimera.worker.task-timeout", "3s")), models(Map.of())));
	}

	private static WorkerProperties worker(Map<String, String> properties) {
		return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("chimera.worker", WorkerProperties.class);
	}

	private static ModelProperties models(Map<String, String> properties) {
		return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("chimera.models", ModelProperties.class);
	}

	private static boolean isVirtual(Thread thread) throws Exception {
		if (Runtime.version().feature() < 21) {
			return false;
		}
		return (boolean) Thread.class.getMethod("isVirtual").invoke(thread);
	}
}
