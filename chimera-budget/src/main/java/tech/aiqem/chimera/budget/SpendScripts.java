package tech.aiqem.chimera.budget;

/** The Lua scripts that make a budget check and its increment one atomic Redis step. */
final class SpendScripts {

	private SpendScripts() {
	}

	/**
	 * Check and increment. KEYS[1] the ref marker; KEYS[2..5] agent day, agent total, campaign day, campaign
	 * total ('' when there is no campaign). ARGV[1] amount in micro-USD; ARGV[2..5] the matching limits in
	 * micro-USD (-1: no limit); ARGV[6] TTL of the ref marker in seconds.
	 * Returns {0} counted, {1} already counted (same ref), {2, i, current, limit} refused by tracker i
	 * (1..4), {3, i} tracker i is missing and must be rebuilt from the ledger first: a missing key is never
	 * read as zero, or a Redis restart would reset every budget.
	 */
	static final String CHARGE = """
			if redis.call('EXISTS', KEYS[1]) == 1 then
			  return {1}
			end
			local amount = tonumber(ARGV[1])
			local current = {}
			for i = 2, 5 do
			  if KEYS[i] ~= '' then
			    local value = redis.call('GET', KEYS[i])
			    if not value then
			      return {3, i - 1}
			    end
			    current[i] = math.floor(tonumber(value) * 1000000 + 0.5)
			    local limit = tonumber(ARGV[i])
			    if limit >= 0 and current[i] + amount > limit then
			      return {2, i - 1, current[i], limit}
			    end
			  end
			end
			for i = 2, 5 do
			  if KEYS[i] ~= '' then
			    redis.call('SET', KEYS[i], string.format('%.6f', (current[i] + amount) / 1000000), 'KEEPTTL')
			  end
			end
			redis.call('SET', KEYS[1], ARGV[1], 'EX', tonumber(ARGV[6]))
			return {0}
			""";

	/**
	 * Take back a counted amount. KEYS[1] the ref marker, KEYS[2..] trackers ('' skipped); ARGV[1] amount in
	 * micro-USD. A tracker that is missing stays missing (it is rebuilt from the ledger, which no longer
	 * holds the spend).
	 */
	static final String UNCHARGE = """
			redis.call('DEL', KEYS[1])
			local amount = tonumber(ARGV[1])
			for i = 2, #KEYS do
			  if KEYS[i] ~= '' then
			    local value = redis.call('GET', KEYS[i])
			    if value then
			      local micros = math.floor(tonumber(value) * 1000000 + 0.5) - amount
			      if micros < 0 then
			        micros = 0
			      end
			      redis.call('SET', KEYS[i], string.format('%.6f', micros / 1000000), 'KEEPTTL')
			    end
			  end
			end
			return 1
			""";
}
