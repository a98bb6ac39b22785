package tech.aiqem.chimera.infra.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

import tech.aiqem.chimera.model.ChimeraJson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** {@code CHIMERA_LOG_FORMAT=json}: one JSON object per log line, the task and agent as fields. */
@ExtendWith(OutputCaptureExtension.class)
class JsonLogsIntegrationTests {

	@Configuration(proxyBeanMethods = false)
	static class Empty {
	}

	@Test
	void withJsonEveryLineIsAnEcsObjectCarryingTheMdc(CapturedOutput output) {
		SpringApplication application = new SpringApplication(Empty.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		try (ConfigurableApplicationContext context = application.run("--chimera.log-format=json",
				"--spring.application.name=chimera-judge", "--spring.main.banner-mode=off")) {
			MDC.put("task_id", "4f0c2b1e-0000-4000-8000-000000000001");
			try {
				LoggerFactory.getLogger("tech.aiqem.chimera.test").info("Published task as twitter post 42");
			}
			finally {
				MDC.remove("task_id");
			}
		}
		String line = output.getOut().lines().filter(l -> l.contains("Published task as twitter post 42")).findFirst()
			.orElseThrow();
		var json = ChimeraJson.tree(line);
		assertThat(json.path("message").asString()).isEqualTo("Published task as twitter post 42");
		assertThat(field(json, "log", "level")).isEqualTo("INFO");
		assertThat(field(json, "service", "name")).isEqualTo("chimera-judge");
		assertThat(json.path("task_id").asString()).isEqualTo("4f0c2b1e-0000-4000-8000-000000000001");
	}

	/** ECS names like {@code log.level} come flat or nested, depending on the Boot version's settings. */
	private static String field(tools.jackson.databind.JsonNode json, String parent, String child) {
		tools.jackson.databind.JsonNode flat = json.path(parent + "." + child);
		return flat.isMissingNode() ? json.path(parent).path(child).asString(null) : flat.asString(null);
	}

	@Test
	void textIsTheDefaultAndAnythingElseIsRefused() {
		assertThat(ConnectionUrlsPostProcessor.logFormat(null, "judge")).isEmpty();
		assertThat(ConnectionUrlsPostProcessor.logFormat("text", "judge")).isEmpty();
		assertThat(ConnectionUrlsPostProcessor.logFormat("JSON", "judge")).containsEntry("logging.structured.format.console", "ecs");
		assertThatIllegalArgumentException().isThrownBy(() -> ConnectionUrlsPostProcessor.logFormat("xml", "judge"))
			.withMessageContaining("CHIMERA_LOG_FORMAT must be text or json");
	}
}
