package tech.aiqem.chimera.gateway;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** OpenAI Chat Completions against its recorded answers. */
class OpenAiProviderIntegrationTests extends HostedProviderContractTests {

	@Override
	String provider() {
		return "openai";
	}

	@Override
	String fallbackProvider() {
		return "anthropic";
	}

	@Override
	MockResponse ok() {
		return Recorded.ok("openai");
	}

	@Override
	String expectedText() {
		return "Hello! How can I assist you today?";
	}

	@Override
	long expectedInputTokens() {
		return 19;
	}

	@Override
	long expectedOutputTokens() {
		return 10;
	}

	@Override
	BigDecimal expectedCost() {
		// gpt-5: 19 x $1.25 + 10 x $10.00 per million = $0.00012375
		return new BigDecimal("0.000124");
	}

	@Override
	MockResponse rateLimited() {
		return Recorded.response(429, "openai/error_429_rate_limit.json", "openai/error_429_rate_limit.headers");
	}

	@Override
	List<Duration> expectedBackoffs() {
		// retry-after: 1 (seconds)
		return List.of(Duration.ofSeconds(1), Duration.ofSeconds(1));
	}

	@Override
	MockResponse serverError() {
		return Recorded.response(500, "openai/error_500_server_error.json");
	}

	@Override
	MockResponse truncated() {
		return Recorded.response(200, "openai/chat_completions_200_truncated.json");
	}

	@Override
	String expectedPath() {
		return "/v1/chat/completions";
	}

	@Override
	void assertAuthenticated(RecordedRequest request) {
		assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + KEY);
	}

	@Override
	int maxTokensOf(JsonNode body) {
		assertThat(body.has("max_tokens")).as("GPT-5 rejects max_tokens").isFalse();
		return body.path("max_completion_tokens").asInt();
	}

	@Override
	void assertAsksForJson(JsonNode body) {
		JsonNode format = body.path("response_format");
		assertThat(format.path("type").asString()).isEqualTo("json_schema");
		assertThat(format.path("json_schema").path("name").asString()).isEqualTo("write_post");
		assertThat(format.path("json_schema").path("schema").path("properties").has("image_prompt")).isTrue();
	}

	@Test
	void honoursTheResetHeaderOfTheExhaustedLimitWithoutRetryAfter() {
		this.primary.enqueue(Recorded.response(429, "openai/error_429_rate_limit.json", "openai/error_429_reset_only.headers"));
		this.primary.enqueue(ok());

		gateway().chat(ModelRole.PLANNER, prompt(null, false));

		// requests are exhausted (reset 1s); the token limit (reset 6m0s) is not
		assertThat(this.sleeper.sleeps).containsExactly(Duration.ofSeconds(1));
	}

	@Test
	void returnsFencedJsonWithoutTheFences() {
		this.primary.enqueue(Recorded.response(200, "openai/chat_completions_200_fenced_json_constructed.json"));

		ModelReply reply = gateway().chat(ModelRole.PLANNER, prompt(null, true));

		assertThat(reply.text()).isEqualTo("{\"score\": 0.93, \"reason\": \"on brand\"}");
		assertThat(reply.inputTokens()).isEqualTo(120);
	}
}
