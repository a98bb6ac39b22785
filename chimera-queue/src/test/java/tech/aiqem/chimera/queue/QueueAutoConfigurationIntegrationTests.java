package tech.aiqem.chimera.queue;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import tech.aiqem.chimera.embedded.TestServices;
import tech.aiqem.chimera.infra.ChimeraInfraAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/** A service that depends on chimera-queue gets the queue under its instance id, with heartbeat and reaper. */
class QueueAutoConfigurationIntegrationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ChimeraInfraAutoConfiguration.class, QueueAutoConfiguration.class))
		.withPropertyValues("chimera.redis-url=" + TestServices.freshRedisUrl(), "chimera.instance-id=worker-test-1");

	@Test
	void theQueueConsumesUnderTheInstanceIdWithTheDefaultTimings() {
		this.runner.run(context -> {
			assertThat(context).hasNotFailed().hasSingleBean(QueueMaintenance.class);
			assertThat(context.getBean(ReliableQueue.class).consumerId()).isEqualTo("worker-test-1");
			QueueProperties properties = context.getBean(QueueProperties.class);
			assertThat(properties.heartbeatTtl()).hasSeconds(15);
			assertThat(properties.reapInterval()).hasSeconds(5);
		});
	}

	@Test
	void timingsComeFromTheQueueProperties() {
		this.runner.withPropertyValues("chimera.queue.heartbeat-ttl=3s", "chimera.queue.reap-interval=1s")
			.run(context -> assertThat(context.getBean(QueueProperties.class).heartbeatTtl()).hasSeconds(3));
	}
}
