package tech.aiqem.chimera.infra.memory;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import tech.aiqem.chimera.embedded.TestServices;
import tech.aiqem.chimera.infra.ChimeraInfraAutoConfiguration;
import tech.aiqem.chimera.model.AgentId;

import static org.assertj.core.api.Assertions.assertThat;

/** Every service gets short-term memory from common-infra, configured by chimera.memory.short-term.*. */
class ShortTermMemoryAutoConfigurationIntegrationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ChimeraInfraAutoConfiguration.class, ShortTermMemoryAutoConfiguration.class))
		.withPropertyValues("chimera.redis-url=" + TestServices.freshRedisUrl(), "chimera.instance-id=test");

	@Test
	void theSpecDefaultsAreCapacity100AndOneHour() {
		this.runner.run(context -> {
			assertThat(context).hasNotFailed().hasSingleBean(ShortTermMemory.class);
			ShortTermMemoryProperties properties = context.getBean(ShortTermMemoryProperties.class);
			assertThat(properties.ttl()).hasSeconds(3600);
			assertThat(properties.capacity()).isEqualTo(100);
			AgentId agent = AgentId.random();
			ShortTermMemory memory = context.getBean(ShortTermMemory.class);
			memory.remember(agent, "assistant", "hello");
			assertThat(memory.latest(agent, 5)).extracting(ShortTermItem::text).containsExactly("hello");
		});
	}

	@Test
	void settingsComeFromPropertiesAndBadOnesStopTheStart() {
		this.runner.withPropertyValues("chimera.memory.short-term.capacity=2", "chimera.memory.short-term.ttl=10m")
			.run(context -> {
				AgentId agent = AgentId.random();
				ShortTermMemory memory = context.getBean(ShortTermMemory.class);
				memory.remember(agent, "user", "one");
				memory.remember(agent, "assistant", "two");
				memory.remember(agent, "user", "three");
				assertThat(memory.latest(agent, 10)).extracting(ShortTermItem::text).containsExactly("two", "three");
			});
		this.runner.withPropertyValues("chimera.memory.short-term.capacity=0").run(context -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).hasStackTraceContaining("capacity");
		});
		this.runner.withPropertyValues("chimera.memory.short-term.ttl=0s").run(context -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).hasStackTraceContaining("chimera.memory.short-term.ttl must be positive");
		});
	}
}
