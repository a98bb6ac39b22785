package tech.aiqem.chimera.gateway;

import java.io.IOException;
import java.math.BigDecimal;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The gateway as services get it: auto-configured from properties and the environment variables of docs/architecture.md §13. */
@ExtendWith(OutputCaptureExtension.class)
class ModelGatewayAutoConfigurationIntegrationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ModelGatewayAutoConfiguration.class))
		.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
		// this module's defaults, which every service with it loads (maps GOOGLE_API_KEY & co. onto chimera.models.*)
		.withInitializer(context -> {
			try {
				context.getEnvironment()
					.getPropertySources()
					.addLast(new ResourcePropertySource(new ClassPathResource("META-INF/chimera-defaults.properties")));
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
		});

	/** A service bean that calls models, like the planner's. */
	record ModelUser(ModelGateway gateway) {
	}

	@Test
	void withoutKeysOrOfflineModelStartUpFailsClearly() {
		this.runner.withBean(ModelUser.class).run(context -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("No model provider for the planner role")
				.hasMessageContaining("GOOGLE_API_KEY, ANTHROPIC_API_KEY or OPENAI_API_KEY");
		});
	}

	@Test
	void aServiceThatNeverCallsModelsNeedsNoProvider() {
		this.runner.run(context -> assertThat(context).hasNotFailed());
	}

	@Test
	void withoutKeysTheOfflineModelAnswersForFree() {
		this.runner.withBean("offline", ChatProvider.class, TestOfflineProvider::new).run(context -> {
			ModelGateway gateway = context.getBean(ModelGateway.class);

			ModelReply reply = gateway.chat(ModelRole.WORKER, ModelPrompt.of("system", "Write a caption."));

			assertThat(reply.offline()).isTrue();
			assertThat(reply.provider()).isEqualTo("offline");
			assertThat(reply.text()).isEqualTo("[offline] worker answer to: Write a caption.");
			assertThat(reply.costUsd()).as("offline is free whatever the provider says").isEqualByComparingTo(BigDecimal.ZERO);
			assertThat(reply.latency()).isNotNull();
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.get("chimera.model.calls").tags("provider", "offline", "role", "worker", "outcome", "success")
				.counter()
				.count()).isEqualTo(1.0);
		});
	}

	@Test
	void theVariablesOfTheSpecConfigureKeysAndTheCap() {
		this.runner.withPropertyValues("GOOGLE_API_KEY=AIzaSyFromTheEnvironment", "MAX_TOKENS_PER_REQUEST=1000")
			.run(context -> {
				ModelProperties properties = context.getBean(ModelProperties.class);
				assertThat(properties.gemini().configured()).isTrue();
				assertThat(properties.anthropic().configured()).isFalse();
				assertThat(properties.maxTokensPerRequest()).isEqualTo(1000);
				RoutingModelGateway gateway = (RoutingModelGateway) context.getBean(ModelGateway.class);
				assertThat(gateway.chain(ModelRole.JUDGE)).extracting(Object::toString).containsExactly("gemini/gemini-2.5-pro");
				assertThat(gateway.chain(ModelRole.WORKER)).extracting(Object::toString).containsExactly("gemini/gemini-2.5-flash");
			});
	}

	@Test
	void chainsModelsAndPricesAreConfigurable() {
		this.runner
			.withPropertyValues("chimera.models.openai.api-key=sk-a", "chimera.models.anthropic.api-key=sk-b",
					"chimera.models.judge.providers=openai,anthropic", "chimera.models.judge.models.openai=gpt-5.4",
					"chimera.models.prices[openai/gpt-5.4].input-per-million=2.50",
					"chimera.models.prices[openai/gpt-5.4].output-per-million=15.00")
			.run(context -> {
				RoutingModelGateway gateway = (RoutingModelGateway) context.getBean(ModelGateway.class);
				assertThat(gateway.chain(ModelRole.JUDGE)).extracting(Object::toString)
					.containsExactly("openai/gpt-5.4", "anthropic/claude-opus-4-6");
				assertThat(gateway.chain(ModelRole.PLANNER)).extracting(Object::toString)
					.containsExactly("anthropic/claude-sonnet-4-6", "openai/gpt-5");
			});
	}

	@Test
	void aModelWithoutPriceStopsStartUp() {
		this.runner.withBean(ModelUser.class)
			.withPropertyValues("OPENAI_API_KEY=sk-a", "chimera.models.worker.models.openai=gpt-9")
			.run(context -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.hasMessageContaining("No price for openai/gpt-9 (used by the worker role)");
			});
	}

	@Test
	void anInvalidCapStopsStartUpNamingTheProperty() {
		this.runner.withPropertyValues("OPENAI_API_KEY=sk-a", "MAX_TOKENS_PER_REQUEST=0").run(context -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).hasStackTraceContaining("maxTokensPerRequest");
		});
	}

	@Test
	void aGatewayOfTheServiceReplacesThisOne() {
		ModelGateway own = (role, prompt) -> null;
		this.runner.withBean(ModelGateway.class, () -> own)
			.run(context -> assertThat(context.getBean(ModelGateway.class)).isSameAs(own));
	}

	@Test
	void keysNeverReachLogsOrExceptions(CapturedOutput output) throws IOException {
		String key = "sk-proj-SECRET0123456789";
		try (MockWebServer server = new MockWebServer()) {
			server.enqueue(Recorded.response(429, "openai/error_429_rate_limit.json"));
			server.enqueue(new MockResponse().setResponseCode(401)
				.setBody("{\"error\":{\"message\":\"Incorrect API key provided: " + key
						+ ".\",\"type\":\"invalid_request_error\",\"param\":null,\"code\":\"invalid_api_key\"}}"));
			this.runner
				.withPropertyValues("OPENAI_API_KEY=" + key,
						"chimera.models.openai.base-url=" + Recorded.baseUrl("openai", server),
						"chimera.models.retry.initial-backoff=1ms", "chimera.models.retry.max-backoff=5ms")
				.run(context -> {
					assertThat(context.getBean(ModelProperties.class).toString()).doesNotContain(key);
					ModelGateway gateway = context.getBean(ModelGateway.class);
					assertThatExceptionOfType(ModelException.class)
						.isThrownBy(() -> gateway.chat(ModelRole.JUDGE, ModelPrompt.of(null, "Score this.")))
						.satisfies(ex -> {
							assertThat(ex.status()).isEqualTo(401);
							assertThat(ex.getMessage()).contains("[REDACTED]").doesNotContain(key);
						});
					assertThat(server.getRequestCount()).isEqualTo(2);
					assertThat(server.takeRequest().getHeader("Authorization")).isEqualTo("Bearer " + key);
				});
		}
		assertThat(output).contains("rate-limited").contains("no provider left").doesNotContain(key);
	}
}
