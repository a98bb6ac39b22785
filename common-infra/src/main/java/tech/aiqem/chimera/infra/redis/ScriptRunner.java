package tech.aiqem.chimera.infra.redis;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.sync.RedisCommands;

/**
 * Runs Lua scripts by their SHA ({@code EVALSHA}), loading each once and again after Redis restarted and
 * forgot its script cache ({@code NOSCRIPT}). One per component that runs scripts; thread-safe.
 */
public final class ScriptRunner {

	private final Map<String, String> shas = new ConcurrentHashMap<>();

	@SuppressWarnings("unchecked")
	public <T> T eval(RedisCommands<String, String> commands, String script, ScriptOutputType type, String[] keys,
			String... args) {
		String sha = this.shas.computeIfAbsent(script, commands::scriptLoad);
		try {
			return (T) commands.evalsha(sha, type, keys, args);
		}
		catch (RedisNoScriptException ex) {
			// Redis restarted and forgot its scripts: load again once.
			this.shas.put(script, commands.scriptLoad(script));
			return (T) commands.evalsha(this.shas.get(script), type, keys, args);
		}
	}
}
