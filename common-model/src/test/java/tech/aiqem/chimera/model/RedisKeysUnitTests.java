package tech.aiqem.chimera.model;

import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RedisKeysUnitTests {

	private final AgentId agent = new AgentId(UUID.fromString("550e8400-e29b-41d4-a716-446655440000"));

	@Test
	void keysAreTheSpecificationsOwn() {
		assertThat(RedisKeys.taskQueues()).containsExactly("chimera:tasks:high", "chimera:tasks:medium",
				"chimera:tasks:low");
		assertThat(RedisKeys.review(this.agent)).isEqualTo("chimera:review:550e8400-e29b-41d4-a716-446655440000");
		assertThat(RedisKeys.spend(this.agent, LocalDate.of(2026, 2, 6)))
			.isEqualTo("chimera:spend:550e8400-e29b-41d4-a716-446655440000:2026-02-06");
		assertThat(RedisKeys.shortMemory(this.agent))
			.isEqualTo("chimera:memory:short:550e8400-e29b-41d4-a716-446655440000");
		assertThat(RedisKeys.dead("chimera:tasks:high")).isEqualTo("chimera:dead:tasks:high");
	}
}
