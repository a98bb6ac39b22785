package tech.aiqem.chimera.queue;

import java.time.Duration;

import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;

import tech.aiqem.chimera.infra.redis.Redis;
import tech.aiqem.chimera.model.RedisKeys;

/**
 * How many results wait for a judge. The judges count them (one script over the ready set: a length per
 * agent with results waiting) and publish the count under {@link RedisKeys#REVIEW_BACKLOG} with an expiry;
 * workers read that one key, so their cost does not grow with the fleet. A count that no judge renews
 * expires and reads as nothing waiting: without a judge, workers go on and results wait in their lists.
 */
public final class ReviewBacklog {

	/** KEYS[1] the ready set: the sum of the lengths of the review lists it names. */
	private static final String COUNT = """
			local n = 0
			for _, key in ipairs(redis.call('SMEMBERS', KEYS[1])) do
			  n = n + redis.call('LLEN', key)
			end
			return n
			""";

	private final Redis redis;

	public ReviewBacklog(Redis redis) {
		this.redis = redis;
	}

	/** Results waiting in the review lists now (not those a judge has popped). */
	public long count() {
		Long count = this.redis.shared().sync().eval(COUNT, ScriptOutputType.INTEGER, RedisKeys.REVIEW_READY);
		return count == null ? 0 : count;
	}

	/** Publishes a count for the workers; it lapses after {@code ttl} unless published again. */
	public void publish(long count, Duration ttl) {
		this.redis.shared().sync().set(RedisKeys.REVIEW_BACKLOG, Long.toString(count), SetArgs.Builder.px(ttl.toMillis()));
	}

	/** Counts and publishes in one step (a judge's loop). */
	public void countAndPublish(Duration ttl) {
		publish(count(), ttl);
	}

	/** The count a judge last published, or 0 when none is current. */
	public long published() {
		String value = this.redis.shared().sync().get(RedisKeys.REVIEW_BACKLOG);
		return value == null ? 0 : Long.parseLong(value);
	}
}
