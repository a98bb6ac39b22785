package tech.aiqem.chimera.queue;

/** The Lua scripts that make each queue step atomic in Redis. */
final class Scripts {

	private Scripts() {
	}

	/**
	 * Push. KEYS[1] queue, KEYS[2] signal list, KEYS[3] ready set or the empty string; ARGV payloads.
	 * The ready set entry and the message are written together, so a result is never stranded unseen.
	 */
	static final String PUSH = """
			for i = 1, #ARGV do
			  redis.call('LPUSH', KEYS[1], ARGV[i])
			end
			if KEYS[3] ~= '' then
			  redis.call('SADD', KEYS[3], KEYS[1])
			end
			redis.call('LPUSH', KEYS[2], '1')
			redis.call('LTRIM', KEYS[2], 0, 63)
			return #ARGV
			""";

	/**
	 * Pop from the first non-empty list. KEYS: lists in the order to try; ARGV[1] processing-key prefix,
	 * ARGV[2] the consumer's sources set, ARGV[3] the key prefix stripped when naming processing lists,
	 * ARGV[4] the lease in ms, ARGV[5] the leases set (the message's lease is recorded with the pop).
	 */
	static final String POP_ORDERED = """
			for i = 1, #KEYS do
			  local dest = ARGV[1] .. string.sub(KEYS[i], string.len(ARGV[3]) + 1)
			  local value = redis.call('LMOVE', KEYS[i], dest, 'RIGHT', 'LEFT')
			  if value then
			    redis.call('SADD', ARGV[2], KEYS[i])
			    local t = redis.call('TIME')
			    local due = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000) + tonumber(ARGV[4])
			    redis.call('ZADD', ARGV[5], due, KEYS[i] .. '|' .. dest .. '|' .. value)
			    return {KEYS[i], value, dest}
			  end
			end
			return {}
			""";

	/**
	 * Pop up to ARGV[4] messages from lists named in a ready set. KEYS[1] ready set; ARGV[1..3] as for
	 * POP_ORDERED, ARGV[4] the most to pop, ARGV[5] the lease in ms, ARGV[6] the leases set. A list found empty
	 * leaves the set.
	 */
	static final String POP_READY = """
			local out = {}
			local t = redis.call('TIME')
			local due = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000) + tonumber(ARGV[5])
			local max = tonumber(ARGV[4])
			local tries = 0
			while #out < max * 3 and tries < max * 2 + 8 do
			  tries = tries + 1
			  local key = redis.call('SRANDMEMBER', KEYS[1])
			  if not key then
			    break
			  end
			  local dest = ARGV[1] .. string.sub(key, string.len(ARGV[3]) + 1)
			  local value = redis.call('LMOVE', key, dest, 'RIGHT', 'LEFT')
			  if value then
			    redis.call('SADD', ARGV[2], key)
			    redis.call('ZADD', ARGV[6], due, key .. '|' .. dest .. '|' .. value)
			    out[#out + 1] = key
			    out[#out + 1] = value
			    out[#out + 1] = dest
			  end
			  if redis.call('LLEN', key) == 0 then
			    redis.call('SREM', KEYS[1], key)
			  end
			end
			return out
			""";

	/** Dead-letter. KEYS[1] processing list, KEYS[2] dead list; ARGV[1] payload, ARGV[2] envelope. */
	static final String DEAD_LETTER = """
			local removed = redis.call('LREM', KEYS[1], 1, ARGV[1])
			redis.call('LPUSH', KEYS[2], ARGV[2])
			return removed
			""";

	/**
	 * Requeue one held message. KEYS[1] processing list, KEYS[2] source queue, KEYS[3] signal,
	 * KEYS[4] ready set or ''; ARGV[1] payload. It goes back to the consuming end, to be served next.
	 */
	static final String REQUEUE = """
			local removed = redis.call('LREM', KEYS[1], 1, ARGV[1])
			if removed > 0 then
			  redis.call('RPUSH', KEYS[2], ARGV[1])
			  if KEYS[4] ~= '' then
			    redis.call('SADD', KEYS[4], KEYS[2])
			  end
			  redis.call('LPUSH', KEYS[3], '1')
			  redis.call('LTRIM', KEYS[3], 0, 63)
			end
			return removed
			""";

	/**
	 * Reap a consumer whose heartbeat expired. KEYS[1] heartbeat, KEYS[2] sources set, KEYS[3] consumers
	 * set; ARGV[1] consumer id, ARGV[2] processing-key prefix of the consumer, ARGV[3] stripped key
	 * prefix, ARGV[4] review-list prefix, ARGV[5] ready set, ARGV[6] signal-key prefix. Returns the number
	 * of messages returned, or -1 when the consumer is alive after all.
	 */
	static final String REAP = """
			if redis.call('EXISTS', KEYS[1]) == 1 then
			  return -1
			end
			local moved = 0
			for _, source in ipairs(redis.call('SMEMBERS', KEYS[2])) do
			  local processing = ARGV[2] .. string.sub(source, string.len(ARGV[3]) + 1)
			  while redis.call('LMOVE', processing, source, 'LEFT', 'RIGHT') do
			    moved = moved + 1
			  end
			  if string.sub(source, 1, string.len(ARGV[4])) == ARGV[4] then
			    if redis.call('LLEN', source) > 0 then
			      redis.call('SADD', ARGV[5], source)
			    end
			  end
			  local group = string.match(string.sub(source, string.len(ARGV[3]) + 1), '^[^:]+')
			  redis.call('LPUSH', ARGV[6] .. group, '1')
			  redis.call('LTRIM', ARGV[6] .. group, 0, 63)
			end
			redis.call('DEL', KEYS[2])
			redis.call('SREM', KEYS[3], ARGV[1])
			return moved
			""";

	/**
	 * Return messages whose lease ended, even though their consumer is alive (a wedged or very slow thread).
	 * KEYS[1] leases set; ARGV[1] the most to return, ARGV[2] review-list prefix, ARGV[3] ready set, ARGV[4]
	 * signal-key prefix, ARGV[5] stripped key prefix. A lease whose message was acknowledged meanwhile (or
	 * returned by the reaper) is just dropped. Returns the number of messages returned.
	 */
	static final String RETURN_EXPIRED = """
			local t = redis.call('TIME')
			local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
			local expired = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', now, 'LIMIT', 0, tonumber(ARGV[1]))
			local moved = 0
			for _, member in ipairs(expired) do
			  redis.call('ZREM', KEYS[1], member)
			  local a = string.find(member, '|', 1, true)
			  local b = string.find(member, '|', a + 1, true)
			  local source = string.sub(member, 1, a - 1)
			  local processing = string.sub(member, a + 1, b - 1)
			  local payload = string.sub(member, b + 1)
			  if redis.call('LREM', processing, 1, payload) > 0 then
			    redis.call('RPUSH', source, payload)
			    moved = moved + 1
			    if string.sub(source, 1, string.len(ARGV[2])) == ARGV[2] then
			      redis.call('SADD', ARGV[3], source)
			    end
			    local group = string.match(string.sub(source, string.len(ARGV[5]) + 1), '^[^:]+')
			    redis.call('LPUSH', ARGV[4] .. group, '1')
			    redis.call('LTRIM', ARGV[4] .. group, 0, 63)
			  end
			end
			return moved
			""";
}
