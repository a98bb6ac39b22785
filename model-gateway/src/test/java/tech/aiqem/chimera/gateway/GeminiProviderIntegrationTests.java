package tech.aiqem.chimera.gateway;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Google AI Gemini ({@code generateContent}) against its recorded answers. */
class GeminiProviderIntegrationTests extends HostedProviderContractTests {

	@Override
	String provider() {
		return "gemini";
	}

	@Override
	String fallbackProvider() {
		return "openai";
	}

	@Override
	MockResponse ok() {
		return Recorded.ok("gemini");
	}

	@Override
	String expectedText() {
		return "Google's headquarters, also known as the Googleplex, is located in **Mountain View, California**.\n";
	}

	@Override
	long expectedInputTokens() {
		return 7;
	}

	@Override
	long expectedOutputTokens() {
		return 22;
	}

	@Override
	BigDecimal expectedCost() {
		// gemini-2.5-pro: 7 x $1.25 + 22 x $10.00 per million = $0.00022875
		return new BigDecimal("0.000229");
	}

	@Override
	MockResponse rateLimited() {
		return Recorded.response(429, "gemini/error_429_resource_exhausted.json");
	}

	@Override
	List<Duration> expectedBackoffs() {
		// no hint in this answer: half of 100 ms, then half of 200 ms (no jitter)
		return List.of(Duration.ofMillis(50), Duration.ofMillis(100));
	}

	@Override
	MockResponse serverError() {
		return Recorded.response(503, "gemini/error_503_unavailable_constructed.json");
	}

	@Override
	MockResponse truncated() {
		return Recorded.response(200, "gemini/generate_content_200_truncated.json");
	}

	@Override
	String expectedPath() {
		return "/v1beta/models/gemini-2.5-pro:generateContent";
	}

	@Override
	void assertAuthenticated(RecordedRequest request) {
		assertThat(request.getHeader("x-goog-api-key")).isEqualTo(KEY);
		assertThat(request.getPath()).doesNotContain(KEY);
	}

	@Override
	int maxTokensOf(JsonNode body) {
		return body.path("generationConfig").path("maxOutputTokens").asInt();
	}

	@Override
	void assertAsksForJson(JsonNode body) {
		JsonNode config = body.path("generationConfig");
		assertThat(config.path("responseMimeType").asString()).isEqualTo("application/json");
		assertThat(config.toString()).contains("image_prompt");
	}

	@Test
	void waitsAsLongAsTheRetryInfoOfTheAnswerSays() {
		this.primary.enqueue(Recorded.response(429, "gemini/error_429_retry_info_constructed.json"));
		this.primary.enqueue(ok());

		gateway().chat(ModelRole.PLANNER, prompt(null, false));

		assertThat(this.sleeper.sleeps).containsExactly(Duration.ofSeconds(7));
	}

	@Test
	void countsThinkingAsOutputTokensBecauseGeminiBillsItSo() {
		this.primary.enqueue(Recorded.response(200, "gemini/generate_content_200_thinking_constructed.json"));
		ModelGateway worker = new TestSettings().provider("gemini", KEY, Recorded.baseUrl("gemini", this.primary))
			.gateway(null, this.registry, this.sleeper);

		ModelReply reply = worker.chat(ModelRole.WORKER, prompt(null, true));

		assertThat(reply.model()).isEqualTo("gemini-2.5-flash");
		assertThat(reply.text()).isEqualTo("{\"caption\": \"Summit at sunrise\", \"hashtags\": [\"#hiking\"]}");
		assertThat(reply.inputTokens()).isEqualTo(310);
		assertThat(reply.outputTokens()).isEqualTo(18 + 1024);
		// 310 x $0.30 + 1042 x $2.50 per million = $0.002698
		assertThat(reply.costUsd()).isEqualByComparingTo("0.002698");
	}
}
