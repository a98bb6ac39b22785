package tech.aiqem.chimera.infra.memory;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.lettuce.core.ScriptOutputType;

import tech.aiqem.chimera.infra.redis.Redis;
import tech.aiqem.chimera.model.AgentId;
import tech.aiqem.chimera.model.ChimeraJson;
import tech.aiqem.chimera.model.RedisKeys;

/**
 * An agent's recent conversation (docs/architecture.md §4): Redis list
 * {@code chimera:memory:short:{agent_id}}, newest at the head, capped at {@code capacity} items and
 * expiring {@code ttl} after the last write (every write refreshes it). Push, trim and expire run as one
 * script, so concurrent writers never leave the list over capacity or without a TTL. TTLs are real time,
 * not the scaled clock (docs/architecture.md §14); the clock only stamps items.
 */
public final class ShortTermMemory {

	private static final String REMEMBER = """
			redis.call('LPUSH', KEYS[1], ARGV[1])
			redis.call('LTRIM', KEYS[1], 0, tonumber(ARGV[2]) - 1)
			redis.call('PEXPIRE', KEYS[1], ARGV[3])
			return 1
			""";

	private final Redis redis;

	private final Clock clock;

	private final Duration ttl;

	private final int capacity;

	public ShortTermMemory(Redis redis, Clock clock, Duration ttl, int capacity) {
		if (ttl == null || ttl.toMillis() < 1) {
			throw new IllegalArgumentException("short-term memory TTL must be at least 1 ms, got " + ttl);
		}
		if (capacity < 1) {
			throw new IllegalArgumentException("short-term memory capacity must be at least 1, got " + capacity);
		}
		this.redis = redis;
		this.clock = clock;
		this.ttl = ttl;
		this.capacity = capacity;
	}

	/** Appends what was said now, and returns the stored item. */
	public ShortTermItem remember(AgentId agent, String role, String text) {
		ShortTermItem item = new ShortTermItem(role, text, this.clock.instant());
		remember(agent, item);
		return item;
	}

	public void remember(AgentId agent, ShortTermItem item) {
		this.redis.shared()
			.sync()
			.eval(REMEMBER, ScriptOutputType.INTEGER, new String[] { RedisKeys.shortMemory(agent) },
					ChimeraJson.write(item), Integer.toString(this.capacity), Long.toString(this.ttl.toMillis()));
	}

	/** The latest {@code n} items, oldest first (the order a conversation is replayed in). */
	public List<ShortTermItem> latest(AgentId agent, int n) {
		if (n < 1) {
			throw new IllegalArgumentException("n must be at least 1, got " + n);
		}
		List<String> newestFirst = this.redis.shared().sync().lrange(RedisKeys.shortMemory(agent), 0, n - 1);
		List<ShortTermItem> items = new ArrayList<>(newestFirst.size());
		for (int i = newestFirst.size() - 1; i >= 0; i--) {
			items.add(ChimeraJson.read(newestFirst.get(i), ShortTermItem.class));
		}
		return items;
	}

	/** Forgets the agent's recent conversation, e.g. when it is reset. */
	public void clear(AgentId agent) {
		this.redis.shared().sync().del(RedisKeys.shortMemory(agent));
	}
}
