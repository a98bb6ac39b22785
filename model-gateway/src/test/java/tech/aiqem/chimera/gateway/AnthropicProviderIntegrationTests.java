package tech.aiqem.chimera.gateway;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Anthropic Messages API against its recorded answers. */
class AnthropicProviderIntegrationTests extends HostedProviderContractTests {

	@Override
	String provider() {
		return "anthropic";
	}

	@Override
	String fallbackProvider() {
		return "gemini";
	}

	@Override
	MockResponse ok() {
		return Recorded.ok("anthropic");
	}

	@Override
	String expectedText() {
		return "Hi! My name is Claude.";
	}

	@Override
	long expectedInputTokens() {
		return 2095;
	}

	@Override
	long expectedOutputTokens() {
		return 503;
	}

	@Override
	BigDecimal expectedCost() {
		// claude-sonnet-4-6: 2095 x $3 + 503 x $15 per million = $0.013830
		return new BigDecimal("0.013830");
	}

	@Override
	MockResponse rateLimited() {
		return Recorded.response(429, "anthropic/error_429_rate_limit.json", "anthropic/error_429_rate_limit.headers");
	}

	@Override
	List<Duration> expectedBackoffs() {
		// retry-after: 20 (seconds), honoured on each retry
		return List.of(Duration.ofSeconds(20), Duration.ofSeconds(20));
	}

	@Override
	MockResponse serverError() {
		return Recorded.response(529, "anthropic/error_529_overloaded.json");
	}

	@Override
	MockResponse truncated() {
		return Recorded.response(200, "anthropic/messages_200_truncated.json");
	}

	@Override
	String expectedPath() {
		return "/v1/messages";
	}

	@Override
	void assertAuthenticated(RecordedRequest request) {
		assertThat(request.getHeader("x-api-key")).isEqualTo(KEY);
		assertThat(request.getHeader("anthropic-version")).isNotBlank();
	}

	@Override
	int maxTokensOf(JsonNode body) {
		return body.path("max_tokens").asInt();
	}

	@Override
	void assertAsksForJson(JsonNode body) {
		// the Messages API has no response_format: the prompt's own words ask for JSON
		assertThat(body.has("response_format")).isFalse();
		assertThat(body.toString()).contains("Answer with JSON only.").doesNotContain("image_prompt");
	}
}
