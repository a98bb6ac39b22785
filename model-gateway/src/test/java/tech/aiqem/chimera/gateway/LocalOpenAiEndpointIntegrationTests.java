package tech.aiqem.chimera.gateway;

import java.io.IOException;
import java.math.BigDecimal;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;


import static org.assertj.core.api.Assertions.assertThat;

/**
 * An OpenAI-compatible server of the operator's own (Ollama, llama.cpp server, vLLM, LM Studio) selected
 * by {@code OPENAI_BASE_URL} and {@code OPENAI_MODEL} alone, no key: the services get its real text, first
 * in every chain, at no cost. The answer is in the Chat Completions shape such servers return (written here
 * after OpenAI's documented response, with a local model's name).
 */
class LocalOpenAiEndpointIntegrationTests {

	static final String OLLAMA_ANSWER = """
			{
			  "id": "chatcmpl-412",
			  "object": "chat.completion",
			  "created": 1764680000,
			  "model": "llama3.1:8b",
			  "system_fingerprint": "fp_ollama",
			  "choices": [
			    {
			      "index": 0,
			      "message": {"role": "assistant", "content": "Kemis season is here and I am not calm about it ✨ #HabeshaStyle"},
			      "finish_reason": "stop"
			    }
			  ],
			  "usage": {"prompt_tokens": 52, "completion_tokens": 17, "total_tokens": 69}
			}
			""";

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ModelGatewayAutoConfiguration.class))
		// an offline model present, as in every service: the local server still answers
		.withBean(ModelGatewayAutoConfiguration.OFFLINE_PROVIDER_BEAN, ChatProvider.class, TestOfflineProvider::new)
		.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
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

	@Test
	void aLocalServerWithoutAKeyAnswersEveryRoleAtNoCost() throws Exception {
		try (MockWebServer ollama = new MockWebServer()) {
			ollama.enqueue(new MockResponse().setHeader("Content-Type", "application/json").setBody(OLLAMA_ANSWER));
			this.runner.withPropertyValues("OPENAI_BASE_URL=" + ollama.url("/v1"), "OPENAI_MODEL=llama3.1:8b")
				.run(context -> {
					assertThat(context).hasNotFailed();
					RoutingModelGateway gateway = (RoutingModelGateway) context.getBean(ModelGateway.class);
					for (ModelRole role : ModelRole.values()) {
						assertThat(gateway.chain(role).get(0)).hasToString("openai/llama3.1:8b");
					}
					ModelReply reply = gateway.chat(ModelRole.WORKER,
							ModelPrompt.of("You write as FashionNova.", "Write a post about Habesha kemis."));
					assertThat(reply.text()).isEqualTo("Kemis season is here and I am not calm about it ✨ #HabeshaStyle");
					assertThat(reply.offline()).isFalse();
					assertThat(reply.provider()).isEqualTo("openai");
					assertThat(reply.costUsd()).isEqualByComparingTo(BigDecimal.ZERO);
					assertThat(reply.inputTokens()).isEqualTo(52);
					RecordedRequest request = ollama.takeRequest();
					assertThat(request.getPath()).isEqualTo("/v1/chat/completions");
					assertThat(request.getBody().readUtf8().replace(" ", "")).contains("\"model\":\"llama3.1:8b\"")
						.contains("Writeapostabout");
				});
		}
	}
}
