package tech.aiqem.chimera.infra.redis;

import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.sync.RedisCommands;
import org.junit.jupiter.api.Test;

import tech.aiqem.chimera.embedded.TestServices;

import static org.assertj.core.api.Assertions.assertThat;

/** Scripts run by their SHA, and again after Redis forgot its script cache (as after a restart). */
class ScriptRunnerIntegrationTests {

	static final String INCREMENT = "return redis.call('INCRBY', KEYS[1], ARGV[1])";

	@Test
	void aScriptRunsByItsShaAndIsLoadedAgainWhenRedisForgotIt() {
		try (Redis redis = new Redis(TestServices.freshRedisUrl())) {
			RedisCommands<String, String> commands = redis.shared().sync();
			ScriptRunner scripts = new ScriptRunner();
			Long first = scripts.eval(commands, INCREMENT, ScriptOutputType.INTEGER, new String[] { "chimera:test:n" }, "2");
			assertThat(first).isEqualTo(2L);
			String sha = commands.scriptLoad(INCREMENT);
			assertThat(commands.scriptExists(sha)).containsExactly(true);

			commands.scriptFlush();
			assertThat(commands.scriptExists(sha)).as("Redis forgot it").containsExactly(false);

			Long second = scripts.eval(commands, INCREMENT, ScriptOutputType.INTEGER, new String[] { "chimera:test:n" }, "3");
			assertThat(second).isEqualTo(5L);
			assertThat(commands.scriptExists(sha)).as("loaded again").containsExactly(true);
		}
	}
}
