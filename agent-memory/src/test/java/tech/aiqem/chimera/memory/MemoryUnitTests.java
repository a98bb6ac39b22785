package tech.aiqem.chimera.memory;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import tech.aiqem.chimera.model.AgentId;
import tech.aiqem.chimera.model.MemoryType;
import tech.aiqem.chimera.model.TenantId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

class MemoryUnitTests {

	private static final Instant AT = Instant.parse("2026-02-06T10:30:00Z");

	@Test
	void contextKeepsKnownKeysAndDropsNullValues() {
		Map<String, String> context = new HashMap<>();
		context.put("platform", "twitter");
		context.put("engagement", null);

		Memory memory = Memory.of(TenantId.random(), AgentId.random(), MemoryType.LEARNING, "text", context, 0.5, AT);

		assertThat(memory.context()).containsExactly(Map.entry("platform", "twitter"));
	}

	@Test
	void badMemoriesAreRejectedWithTheReason() {
		TenantId tenant = TenantId.random();
		AgentId agent = AgentId.random();
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Memory.of(tenant, agent, MemoryType.LEARNING, " ", Map.of(), 0.5, AT))
			.withMessageContaining("content is required");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Memory.of(tenant, agent, MemoryType.LEARNING, "x", Map.of(), 1.5, AT))
			.withMessageContaining("importance must be between 0 and 1, got 1.5");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Memory.of(tenant, agent, MemoryType.LEARNING, "x", Map.of(), Double.NaN, AT))
			.withMessageContaining("importance");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Memory.of(tenant, agent, MemoryType.LEARNING, "x", Map.of("mood", "happy"), 0.5, AT))
			.withMessageContaining("context key 'mood' is not supported")
			.withMessageContaining("campaign_id");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Memory.of(tenant, agent, MemoryType.LEARNING, "x".repeat(8001), Map.of(), 0.5, AT))
			.withMessageContaining("limit is 8000");
		assertThatNullPointerException()
			.isThrownBy(() -> Memory.of(null, agent, MemoryType.LEARNING, "x", Map.of(), 0.5, AT))
			.withMessageContaining("tenant id is required");
	}

	@Test
	void queriesCheckTheirLimitAndText() {
		assertThat(MemoryQuery.about("x").limit()).isEqualTo(5);
		assertThat(MemoryQuery.about("x").ranking()).isEqualTo(MemoryQuery.Ranking.WEIGHTED);
		assertThatIllegalArgumentException().isThrownBy(() -> MemoryQuery.about("x").withLimit(0))
			.withMessageContaining("between 1 and 100");
		assertThatIllegalArgumentException().isThrownBy(() -> MemoryQuery.about(""))
			.withMessageContaining("query text is required");
	}
}
