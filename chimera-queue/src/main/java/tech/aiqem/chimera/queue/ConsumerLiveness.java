package tech.aiqem.chimera.queue;

import java.time.Duration;

import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.sync.RedisCommands;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import tech.aiqem.chimera.infra.redis.Redis;
import tech.aiqem.chimera.infra.redis.ScriptRunner;
import tech.aiqem.chimera.model.RedisKeys;

/**
 * The consumers' side of at-least-once delivery (docs/architecture.md §7): each consumer's heartbeat, the
 * count of messages it holds, and the reaper that returns the messages of consumers whose heartbeat expired.
 */
final class ConsumerLiveness {

	// under the queue's name, where operators look for it
	private static final Logger log = LoggerFactory.getLogger(ReliableQueue.class);

	private final Redis redis;

	private final ScriptRunner scripts;

	private final String consumerId;

	private final Duration heartbeatTtl;

	ConsumerLiveness(Redis redis, ScriptRunner scripts, String consumerId, Duration heartbeatTtl) {
		this.redis = redis;
		this.scripts = scripts;
		this.consumerId = consumerId;
		this.heartbeatTtl = heartbeatTtl;
	}

	void heartbeat() {
		RedisCommands<String, String> commands = this.redis.shared().sync();
		commands.set(RedisKeys.heartbeat(this.consumerId), "1", SetArgs.Builder.px(this.heartbeatTtl.toMillis()));
		commands.sadd(RedisKeys.CONSUMERS, this.consumerId);
	}

	int reapDeadConsumers() {
		RedisCommands<String, String> commands = this.redis.shared().sync();
		int returned = 0;
		for (String consumer : commands.smembers(RedisKeys.CONSUMERS)) {
			if (commands.exists(RedisKeys.heartbeat(consumer)) == 1) {
				continue;
			}
			Long moved = this.scripts.eval(commands, Scripts.REAP, ScriptOutputType.INTEGER,
					new String[] { RedisKeys.heartbeat(consumer), RedisKeys.consumerSources(consumer), RedisKeys.CONSUMERS },
					consumer, ReliableQueue.processingPrefix(consumer), RedisKeys.PREFIX, ReliableQueue.REVIEW_PREFIX,
					RedisKeys.REVIEW_READY, RedisKeys.PREFIX + "signal:");
			if (moved != null && moved > 0) {
				log.warn("Consumer {} stopped heartbeating; returned {} message(s) to their queues", consumer, moved);
				returned += moved;
			}
		}
		return returned;
	}

	long held() {
		RedisCommands<String, String> commands = this.redis.shared().sync();
		long count = 0;
		for (String source : commands.smembers(RedisKeys.consumerSources(this.consumerId))) {
			count += commands.llen(RedisKeys.processing(this.consumerId, source));
		}
		return count;
	}
}
