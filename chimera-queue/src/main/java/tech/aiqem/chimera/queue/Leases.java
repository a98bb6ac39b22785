package tech.aiqem.chimera.queue;

import java.time.Duration;
import java.util.Collection;

import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.sync.RedisCommands;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import tech.aiqem.chimera.infra.redis.Redis;
import tech.aiqem.chimera.infra.redis.ScriptRunner;
import tech.aiqem.chimera.model.RedisKeys;

/**
 * Every popped message carries a lease ({@link RedisKeys#LEASES}, recorded by the pop scripts on Redis's own
 * clock): acknowledged, requeued or dead-lettered, the lease goes with it; still held when the lease ends,
 * the message goes back to its source even though its consumer's heartbeat is alive. So a thread that
 * wedges, or works far past every timeout, never keeps a message for ever; the reaper of dead consumers
 * ({@link ConsumerLiveness}) covers processes that die.
 */
final class Leases {

	// under the queue's name, where operators look for it
	private static final Logger log = LoggerFactory.getLogger(ReliableQueue.class);

	/** Leases returned per call at most; the reaper calls again at its next tick. */
	private static final int BATCH = 500;

	private final Redis redis;

	private final ScriptRunner scripts;

	private final Duration lease;

	Leases(Redis redis, ScriptRunner scripts, Duration lease) {
		if (lease.isNegative() || lease.isZero()) {
			throw new IllegalArgumentException("a queue lease must be positive, not " + lease);
		}
		this.redis = redis;
		this.scripts = scripts;
		this.lease = lease;
	}

	/** The lease in ms, as the pop scripts take it. */
	String millis() {
		return Long.toString(this.lease.toMillis());
	}

	static String member(Delivery delivery) {
		return delivery.queue() + "|" + delivery.processingKey() + "|" + delivery.payload();
	}

	/** Ends the leases of messages that were acknowledged, requeued or dead-lettered. */
	void release(Collection<Delivery> deliveries) {
		if (!deliveries.isEmpty()) {
			this.redis.shared().sync().zrem(RedisKeys.LEASES, deliveries.stream().map(Leases::member).toArray(String[]::new));
		}
	}

	/** Returns the messages whose lease ended to their queues; how many were returned. */
	int returnExpired() {
		RedisCommands<String, String> commands = this.redis.shared().sync();
		Long moved = this.scripts.eval(commands, Scripts.RETURN_EXPIRED, ScriptOutputType.INTEGER,
				new String[] { RedisKeys.LEASES }, Integer.toString(BATCH), ReliableQueue.REVIEW_PREFIX,
				RedisKeys.REVIEW_READY, RedisKeys.PREFIX + "signal:", RedisKeys.PREFIX);
		int returned = moved == null ? 0 : moved.intValue();
		if (returned > 0) {
			log.warn("Returned {} message(s) held past their {} lease to their queues", returned, this.lease);
		}
		return returned;
	}
}
