package tech.aiqem.chimera.budget;

import java.time.Duration;
import java.util.List;

import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.sync.RedisCommands;

import tech.aiqem.chimera.infra.redis.Redis;
import tech.aiqem.chimera.infra.redis.ScriptRunner;

/** The Redis side of the spend guard: the trackers and the atomic check-and-increment. */
final class SpendTracker {

	/** docs/architecture.md §4: the daily tracker lives 24 hours; the other trackers are caches with the same life. */
	static final Duration TTL = Duration.ofSeconds(86400);

	private final Redis redis;

	private final ScriptRunner scripts = new ScriptRunner();

	SpendTracker(Redis redis) {
		this.redis = redis;
	}

	/** What the script answered. */
	sealed interface Outcome {
	}

	record Counted() implements Outcome {
	}

	record AlreadyCounted() implements Outcome {
	}

	/** @param tracker 1..4: agent day, agent total, campaign day, campaign total */
	record Refused(int tracker, long currentMicros, long limitMicros) implements Outcome {
	}

	record Missing(int tracker) implements Outcome {
	}

	Outcome charge(SpendKeys keys, long amountMicros, long[] limitsMicros) {
		List<Object> reply = eval(SpendScripts.CHARGE, ScriptOutputType.MULTI, keys.forCharge(),
				String.valueOf(amountMicros), String.valueOf(limitsMicros[0]), String.valueOf(limitsMicros[1]),
				String.valueOf(limitsMicros[2]), String.valueOf(limitsMicros[3]), String.valueOf(TTL.toSeconds()));
		int status = ((Long) reply.get(0)).intValue();
		return switch (status) {
			case 0 -> new Counted();
			case 1 -> new AlreadyCounted();
			case 2 -> new Refused(((Long) reply.get(1)).intValue(), (Long) reply.get(2), (Long) reply.get(3));
			case 3 -> new Missing(((Long) reply.get(1)).intValue());
			default -> throw new IllegalStateException("unexpected spend script reply " + reply);
		};
	}

	void uncharge(SpendKeys keys, long amountMicros) {
		eval(SpendScripts.UNCHARGE, ScriptOutputType.INTEGER, keys.forCharge(), String.valueOf(amountMicros));
	}

	/** Seeds a missing tracker with the ledger's figure; a tracker someone else seeded first is kept. */
	void seed(String key, long micros) {
		commands().set(key, Micros.format(micros), SetArgs.Builder.nx().ex(TTL.toSeconds()));
	}

	/** The tracker's figure, or null when the key is missing. */
	Long read(String key) {
		String value = commands().get(key);
		return value == null ? null : Micros.parse(value);
	}

	private RedisCommands<String, String> commands() {
		return this.redis.shared().sync();
	}

	private <T> T eval(String script, ScriptOutputType type, String[] keys, String... args) {
		return this.scripts.eval(commands(), script, type, keys, args);
	}
}
