package tech.aiqem.chimera.infra.observability;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;

import io.sentry.Sentry;
import io.sentry.spring.boot4.SentryAutoConfiguration;
import io.sentry.spring.boot4.SentryLogbackAppenderAutoConfiguration;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import tools.jackson.databind.JsonNode;

import tech.aiqem.chimera.model.ChimeraJson;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sentry through its Spring Boot starter against a local envelope endpoint: a logged error arrives as an
 * event tagged with the task, agent and service, without the secrets in its message; with no DSN (unset
 * or blank) nothing is sent.
 */
class SentryReportingIntegrationTests {

	private static final Logger log = LoggerFactory.getLogger(SentryReportingIntegrationTests.class);

	private final MockWebServer sentry = new MockWebServer();

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SentryAutoConfiguration.class,
				SentryLogbackAppenderAutoConfiguration.class, ObservabilityAutoConfiguration.class))
		.withPropertyValues("spring.application.name=chimera-worker", "sentry.environment=test");

	@BeforeEach
	void start() throws Exception {
		for (int i = 0; i < 10; i++) {
			this.sentry.enqueue(new MockResponse().setResponseCode(200).setBody("{}"));
		}
		this.sentry.start();
	}

	@AfterEach
	void stop() throws Exception {
		Sentry.close();
		this.sentry.shutdown();
	}

	@Test
	void aLoggedErrorArrivesTaggedWithTaskAndAgentAndWithoutSecrets() {
		String dsn = "http://0123456789abcdef@127.0.0.1:" + this.sentry.getPort() + "/42";
		this.runner.withPropertyValues("sentry.dsn=" + dsn, "ANTHROPIC_API_KEY=sk-ant-test-0000000000000000000000")
			.run(context -> {
				assertThat(Sentry.isEnabled()).isTrue();
				try (TaskMdc.Scope scope = TaskMdc.of("9a1f6c1e-0000-4000-8000-000000000001", "550e8400-e29b-41d4-a716-446655440000")) {
					log.error("Publishing failed on postgresql://chimera:db-pa55word@db:5432/chimera with key {}",
							"sk-ant-test-0000000000000000000000", new IllegalStateException("password=hunter2 rejected"));
				}
				Sentry.flush(5000);
				JsonNode event = nextEvent();
				assertThat(event).as("an event envelope reached the DSN's endpoint").isNotNull();
				JsonNode tags = event.get("tags");
				assertThat(tags.get("task_id").asString()).isEqualTo("9a1f6c1e-0000-4000-8000-000000000001");
				assertThat(tags.get("agent_id").asString()).isEqualTo("550e8400-e29b-41d4-a716-446655440000");
				assertThat(tags.get("service").asString()).isEqualTo("chimera-worker");
				assertThat(event.get("level").asString()).isEqualTo("error");
				String body = event.toString();
				assertThat(body).contains("Publishing failed on postgresql://chimera:[REDACTED]@db:5432/chimera");
				assertThat(body).doesNotContain("db-pa55word").doesNotContain("sk-ant-test").doesNotContain("hunter2");
			});
	}

	@Test
	void anExceptionCapturedInCodeIsTaggedToo() {
		String dsn = "http://0123456789abcdef@127.0.0.1:" + this.sentry.getPort() + "/42";
		this.runner.withPropertyValues("sentry.dsn=" + dsn).run(context -> {
			try (TaskMdc.Scope scope = TaskMdc.of("task-2", "agent-2")) {
				Sentry.captureException(new IllegalArgumentException("bad input"));
			}
			Sentry.flush(5000);
			JsonNode event = nextEvent();
			assertThat(event).isNotNull();
			assertThat(event.get("tags").get("task_id").asString()).isEqualTo("task-2");
			assertThat(event.get("tags").get("agent_id").asString()).isEqualTo("agent-2");
		});
	}

	@Test
	void withoutADsnNothingIsSent() {
		for (String setting : new String[] { null, "sentry.dsn=", "sentry.dsn=   " }) {
			ApplicationContextRunner runner = setting == null ? this.runner : this.runner.withPropertyValues(setting);
			runner.run(context -> {
				assertThat(context).hasNotFailed();
				assertThat(Sentry.isEnabled()).as(String.valueOf(setting)).isFalse();
				try (TaskMdc.Scope scope = TaskMdc.of("task-3", "agent-3")) {
					log.error("Nobody hears this", new IllegalStateException("boom"));
					Sentry.captureException(new IllegalStateException("boom"));
				}
				Sentry.flush(2000);
			});
			Sentry.close();
		}
		assertThat(this.sentry.getRequestCount()).isZero();
	}

	/** The event item of the next envelope posted to the server; null when none came. */
	private JsonNode nextEvent() throws Exception {
		RecordedRequest request;
		while ((request = this.sentry.takeRequest(10, TimeUnit.SECONDS)) != null) {
			assertThat(request.getPath()).isEqualTo("/api/42/envelope/");
			byte[] raw = request.getBody().readByteArray();
			if ("gzip".equalsIgnoreCase(request.getHeader("Content-Encoding"))) {
				raw = new GZIPInputStream(new java.io.ByteArrayInputStream(raw)).readAllBytes();
			}
			List<String> lines = new ArrayList<>(List.of(new String(raw, StandardCharsets.UTF_8).split("\n")));
			// envelope: header line, then pairs of item header and payload
			for (int i = 1; i + 1 < lines.size(); i += 2) {
				JsonNode itemHeader = ChimeraJson.tree(lines.get(i));
				if ("event".equals(itemHeader.get("type").asString())) {
					return ChimeraJson.tree(lines.get(i + 1));
				}
			}
		}
		return null;
	}
}
