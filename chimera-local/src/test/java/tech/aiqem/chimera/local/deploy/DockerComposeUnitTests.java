package tech.aiqem.chimera.local.deploy;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code docker-compose.yml} runs the images Jib builds, with the specification's environment. */
class DockerComposeUnitTests {

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
			assertThat(environment).as(service).containsKeys("POSTGRES_URL", "REDIS_URL", "WEAVIATE_URL", "ANTHROPIC_API_KEY",
					"GOOGLE_API_KEY", "OPENAI_API_KEY", "HITL_CONFIDENCE_THRESHOLD", "HITL_AUTO_APPROVE", "SENTRY_DSN",
					"MCP_TOOLS_URL");
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
