package tech.aiqem.chimera.orchestrator.safety;

import java.util.List;

import io.lettuce.core.ScriptOutputType;

import tech.aiqem.chimera.infra.redis.Redis;
import tech.aiqem.chimera.model.RedisKeys;

/**
 * Token buckets in Redis, one per subject, refilled continuously; one Lua script reads, refills and takes
 * a token atomically, using the Redis server's clock (so every orchestrator instance shares a bucket and
 * the demo's scaled campaign clock does not speed up refills). Idle buckets expire.
 */
final class RateLimiter {

	private static final String TAKE = """
			local rate = tonumber(ARGV[1])
			local burst = tonumber(ARGV[2])
			local t = redis.call('TIME')
			local now = tonumber(t[1]) + tonumber(t[2]) / 1000000
			local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
			local tokens = tonumber(state[1]) or burst
			local at = tonumber(state[2]) or now
			tokens = math.min(burst, tokens + math.max(0, now - at) * rate)
			local allowed = 0
			local wait = 0
			if tokens >= 1 then
			  tokens = tokens - 1
			  allowed = 1
			else
			  wait = (1 - tokens) / rate
			end
			redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now))
			redis.call('EXPIRE', KEYS[1], math.ceil(burst / rate) + 1)
			return {allowed, tostring(wait)}
			""";

	private final Redis redis;

	RateLimiter(Redis redis) {
		this.redis = redis;
	}

	/** Takes one token from the subject's bucket; when none is left, says how long until one is. */
	Decision take(String subject, int perMinute, int burst) {
		List<Object> reply = this.redis.shared().sync().eval(TAKE, ScriptOutputType.MULTI,
				new String[] { RedisKeys.rateLimit(subject) }, String.valueOf(perMinute / 60.0), String.valueOf(burst));
		boolean allowed = ((Number) reply.get(0)).longValue() == 1;
		double waitSeconds = Double.parseDouble(reply.get(1).toString());
		return new Decision(allowed, allowed ? 0 : Math.max(1, (long) Math.ceil(waitSeconds)));
	}

	record Decision(boolean allowed, long retryAfterSeconds) {
	}
}
