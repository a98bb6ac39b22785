package tech.aiqem.chimera.infra.memory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import tech.aiqem.chimera.embedded.TestServices;
import tech.aiqem.chimera.infra.redis.Redis;
import tech.aiqem.chimera.model.AgentId;
import tech.aiqem.chimera.model.RedisKeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

/** Short-term memory against a real Redis. */
class ShortTermMemoryIntegrationTests {

	private static final Instant NOW = Instant.parse("2026-02-06T10:30:00Z");

	private final AgentId agent = AgentId.random();

	private Redis redis;

	@BeforeEach
	void connect() {
		this.redis = new Redis(TestServices.freshRedisUrl());
	}

	@AfterEach
	void disconnect() {
		this.redis.close();
	}

	@Test
	void keepsTheLatestHundredItemsUnderTheSpecKeyAsJson() {
		ShortTermMemory memory = new ShortTermMemory(this.redis, Clock.fixed(NOW, ZoneOffset.UTC),
				Duration.ofSeconds(3600), 100);

		for (int i = 1; i <= 130; i++) {
			memory.remember(this.agent, i % 2 == 0 ? "agent" : "user", "turn " + i);
		}

		String key = "chimera:memory:short:" + this.agent;
		assertThat(RedisKeys.shortMemory(this.agent)).isEqualTo(key);
		assertThat(this.redis.shared().sync().llen(key)).isEqualTo(100);
		assertThat(this.redis.shared().sync().lindex(key, 0))
			.isEqualTo("{\"role\":\"agent\",\"text\":\"turn 130\",\"at\":\"2026-02-06T10:30:00Z\"}");
		List<ShortTermItem> latest = memory.latest(this.agent, 3);
		assertThat(latest).extracting(ShortTermItem::text).containsExactly("turn 128", "turn 129", "turn 130");
		assertThat(latest.get(2)).isEqualTo(new ShortTermItem("agent", "turn 130", NOW));
		assertThat(memory.latest(this.agent, 500)).hasSize(100).first().extracting(ShortTermItem::text).isEqualTo("turn 31");
	}

	@Test
	void everyWriteRefreshesTheTtl() {
		ShortTermMemory memory = new ShortTermMemory(this.redis, Clock.systemUTC(), Duration.ofSeconds(3600), 100);
		String key = RedisKeys.shortMemory(this.agent);
		memory.remember(this.agent, "user", "hello");
		this.redis.shared().sync().pexpire(key, 10_000);

		memory.remember(this.agent, "agent", "hi there");

		assertThat(this.redis.shared().sync().pttl(key)).isBetween(3_590_000L, 3_600_000L);
	}

	@Test
	void theHistoryExpiresAfterTheTtl() {
		ShortTermMemory memory = new ShortTermMemory(this.redis, Clock.systemUTC(), Duration.ofMillis(300), 100);
		memory.remember(this.agent, "user", "this will be forgotten");
		assertThat(memory.latest(this.agent, 10)).hasSize(1);

		await().atMost(Duration.ofSeconds(5)).until(() -> memory.latest(this.agent, 10).isEmpty());
		assertThat(this.redis.shared().sync().exists(RedisKeys.shortMemory(this.agent))).isZero();
	}

	@Test
	void agentsDoNotShareHistoryAndBadInputIsRejected() {
		ShortTermMemory memory = new ShortTermMemory(this.redis, Clock.systemUTC(), Duration.ofSeconds(60), 100);
		AgentId other = AgentId.random();
		memory.remember(this.agent, "user", "mine");

		assertThat(memory.latest(other, 10)).isEmpty();
		assertThatIllegalArgumentException().isThrownBy(() -> memory.remember(this.agent, "User!", "x"))
			.withMessageContaining("role must be a lower-case word");
		assertThatIllegalArgumentException().isThrownBy(() -> memory.remember(this.agent, "user", " "))
			.withMessageContaining("text is required");
		assertThatIllegalArgumentException().isThrownBy(() -> memory.latest(this.agent, 0));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ShortTermMemory(this.redis, Clock.systemUTC(), Duration.ZERO, 100))
			.withMessageContaining("TTL");
	}
}
