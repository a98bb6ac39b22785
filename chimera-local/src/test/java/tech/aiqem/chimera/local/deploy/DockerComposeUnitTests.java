package tech.aiqem.chimera.local.deploy;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code docker-compose.yml} runs the images Jib builds, with the specification's environment; every
 * secret must be given, each service gets only its own, and nothing listens beyond the host's loopback.
 */
class DockerComposeUnitTests {

	private static final List<String> MODEL_USERS = List.of("planner-service", "worker-service", "judge-service");

	private static final List<String> REQUIRED_SECRETS = List.of("POSTGRES_PASSWORD", "REDIS_PASSWORD", "MINIO_ROOT_PASSWORD",
			"WEAVIATE_API_KEY", "CHIMERA_WALLET_PASSPHRASE", "CHIMERA_ADMIN_PASSWORD", "MCP_TOKEN_WORKER", "MCP_TOKEN_PLANNER",
			"MCP_TOKEN_PUBLISHER");

	private static final Pattern DEFAULTED = Pattern.compile("\\$\\{[A-Z_]+:-([^}]*)}");

	@SuppressWarnings("unchecked")
	private final Map<String, Object> compose = new Yaml().load(Repository.read(Repository.root().resolve("docker-compose.yml")));

	@Test
	@SuppressWarnings("unchecked")
	void everyServiceRunsItsJibImageWithTheSpecsEnvironment() {
		String version = projectVersion();
		Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) this.compose.get("services");
		for (String service : Repository.SERVICES) {
			Map<String, Object> definition = services.get(service);
			assertThat(definition).as(service).isNotNull();
			assertThat(withDefaults((String) definition.get("image"))).isEqualTo("chimera/" + service + ":" + version);
			Map<String, Object> environment = (Map<String, Object>) definition.get("environment");
			assertThat(environment).as(service).containsKeys("POSTGRES_URL", "REDIS_URL", "WEAVIATE_URL",
					"HITL_CONFIDENCE_THRESHOLD", "HITL_AUTO_APPROVE", "SENTRY_DSN", "MCP_TOOLS_URL");
			if (MODEL_USERS.contains(service)) {
				assertThat(environment).as(service).containsKeys("ANTHROPIC_API_KEY", "GOOGLE_API_KEY", "OPENAI_API_KEY");
			}
			else {
				assertThat(environment).as(service + " calls no model").doesNotContainKeys("ANTHROPIC_API_KEY", "OPENAI_API_KEY");
			}
			assertThat(definition).as(service + " has a healthcheck").containsKey("healthcheck");
			assertThat(environment.get("PROMETHEUS_PORT")).hasToString("9090");
			assertThat(withDefaults(String.valueOf(environment.get("SENTRY_DSN")))).as("Sentry off unless a DSN is given").isEmpty();
		}
		assertThat(services.get("worker-service").get("mem_limit")).isEqualTo("512m");
		String prometheus = (String) ((Map<String, Object>) ((Map<String, Object>) this.compose.get("configs")).get("prometheus"))
			.get("content");
		for (String service : Repository.SERVICES) {
			assertThat(prometheus).contains("\"" + service + ":9090\"");
		}
	}

	@Test
	@SuppressWarnings("unchecked")
	void everySecretMustBeGivenAndEachServiceGetsOnlyItsOwn() {
		String text = Repository.read(Repository.root().resolve("docker-compose.yml"));
		for (String secret : REQUIRED_SECRETS) {
			Matcher uses = Pattern.compile("\\$\\{" + secret + "(:?[-?]?)[^}]*}").matcher(text);
			int count = 0;
			while (uses.find()) {
				count++;
				assertThat(uses.group(1)).as(secret + " has no default: compose refuses to start without it").isEqualTo(":?");
			}
			assertThat(count).as(secret + " is used").isPositive();
		}
		assertThat(Pattern.compile("\\$\\{[A-Z_]*(PASSWORD|PASSPHRASE|TOKEN_[A-Z]+|_API_KEY_SECRET):-[^}]+}").matcher(text).find())
			.as("no secret has a default value").isFalse();

		Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) this.compose.get("services");
		Map<String, Object> worker = (Map<String, Object>) services.get("worker-service").get("environment");
		assertThat(worker).doesNotContainKeys("CHIMERA_WALLET_PASSPHRASE", "CDP_API_KEY_PRIVATE_KEY", "X_ACCESS_TOKEN",
				"INSTAGRAM_ACCESS_TOKEN", "THREADS_ACCESS_TOKEN", "MCP_TOKEN_PUBLISHER", "CHIMERA_ADMIN_PASSWORD");
		assertThat((String) worker.get("MCP_TOOLS_TOKEN")).startsWith("${MCP_TOKEN_WORKER:?");
		assertThat((String) ((Map<String, Object>) services.get("planner-service").get("environment")).get("MCP_TOOLS_TOKEN"))
			.startsWith("${MCP_TOKEN_PLANNER:?");
		Map<String, Object> judge = (Map<String, Object>) services.get("judge-service").get("environment");
		assertThat((String) judge.get("MCP_TOOLS_TOKEN")).startsWith("${MCP_TOKEN_PUBLISHER:?");
		assertThat(judge).as("the judge holds no key material").doesNotContainKey("CHIMERA_WALLET_PASSPHRASE");
		for (String service : Repository.SERVICES) {
			if (!service.equals("mcp-tools")) {
				assertThat((Map<String, Object>) services.get(service).get("environment")).as(service)
					.doesNotContainKeys("X_ACCESS_TOKEN", "MCP_TOKEN_WORKER", "MCP_TOKEN_PLANNER", "MCP_TOKEN_PUBLISHER");
			}
		}
	}

	@Test
	@SuppressWarnings("unchecked")
	void publishedPortsListenOnLoopbackAndTheStoresRequireCredentials() {
		Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) this.compose.get("services");
		services.forEach((name, definition) -> {
			for (Object port : (List<Object>) definition.getOrDefault("ports", List.of())) {
				assertThat(port.toString()).as(name + " publishes on 127.0.0.1 only").startsWith("127.0.0.1:");
			}
			String image = (String) definition.get("image");
			assertThat(image).as(name + " names its image").isNotNull();
			assertThat(withDefaults(image)).as(name + " pins its image").matches(".+:[^:/]+$").doesNotEndWith(":latest");
		});
		assertThat(String.join(" ", (List<String>) services.get("redis").get("command"))).contains("--requirepass");
		Map<String, Object> orchestrator = (Map<String, Object>) services.get("orchestrator-api").get("environment");
		assertThat((String) orchestrator.get("REDIS_URL")).startsWith("redis://:${REDIS_PASSWORD:?");
		Map<String, Object> weaviate = (Map<String, Object>) services.get("weaviate").get("environment");
		assertThat(weaviate.get("AUTHENTICATION_ANONYMOUS_ACCESS_ENABLED")).isEqualTo("false");
		assertThat(weaviate.get("AUTHENTICATION_APIKEY_ENABLED")).isEqualTo("true");
	}

	private static String withDefaults(String value) {
		Matcher matcher = DEFAULTED.matcher(value);
		StringBuilder out = new StringBuilder();
		while (matcher.find()) {
			matcher.appendReplacement(out, Matcher.quoteReplacement(matcher.group(1)));
		}
		matcher.appendTail(out);
		return out.toString();
	}

	private static String projectVersion() {
		Matcher matcher = Pattern.compile("<artifactId>chimera-parent</artifactId>\\s*<version>([^<]+)</version>")
			.matcher(Repository.read(Repository.root().resolve("pom.xml")));
		assertThat(matcher.find()).isTrue();
		return matcher.group(1);
	}
}
