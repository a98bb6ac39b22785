package tech.aiqem.chimera.judge.review;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import tech.aiqem.chimera.gateway.ModelGateway;
import tech.aiqem.chimera.gateway.ModelGatewayAutoConfiguration;
import tech.aiqem.chimera.judge.core.JudgeCore;
import tech.aiqem.chimera.judge.core.checks.ToolCallVerifier;
import tech.aiqem.chimera.judge.core.checks.ToxicityClassifier;
import tech.aiqem.chimera.model.AgentId;
import tech.aiqem.chimera.model.ChimeraJson;
import tech.aiqem.chimera.model.DisclosureLevel;
import tech.aiqem.chimera.model.TaskId;
import tech.aiqem.chimera.model.TaskType;
import tech.aiqem.chimera.model.message.ResultMessage;
import tech.aiqem.chimera.model.message.TaskContext;
import tech.aiqem.chimera.model.message.TaskOutput;
import tech.aiqem.chimera.queue.Delivery;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hosted judge through the real gateway, on recorded-shape answers of Anthropic, OpenAI and Gemini
 * served by MockWebServer (bodies built here in each API's response shape, the rubric JSON as the text):
 * the lowest criterion is the judge's score, the model can lower a confidence but never lift a
 * deterministic finding, and an incomplete answer goes to a human.
 */
class HostedJudgeIntegrationTests {

	static final String SOUL = """
			# Selam Style
			## Voice
			- Warm
			## Topics
			- Ethiopian fashion
			- Habesha kemis
			## Forbidden topics
			- politics
			## Disclosure
			automated
			""";

	static final String CLEAN = "Weekend look: a hand-woven Habesha kemis with gold tibeb borders. Which colour would you wear?";

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ModelGatewayAutoConfiguration.class))
		.withBean(MeterRegistry.class, SimpleMeterRegistry::new);

	/** A content-safety classifier that finds nothing, so the tests turn on the hosted judge alone. */
	private static final ToxicityClassifier CLEAN_TEXT = text -> new ToxicityClassifier.ToxicityScore(0.01, 0.01, 0.01, false, "clean", List.of());

	static String rubric(double lowest, String verdict, String... skip) {
		StringBuilder criteria = new StringBuilder();
		for (String name : HostedRubric.CRITERIA.keySet()) {
			if (List.of(skip).contains(name)) {
				continue;
			}
			double score = name.equals("persona_fit") ? lowest : 0.97;
			criteria.append(criteria.isEmpty() ? "" : ",").append("\"").append(name).append("\":{\"score\":").append(score)
				.append(",\"reason\":\"").append(score < 0.9 ? "reads like a generic brand account" : "fine").append("\"}");
		}
		return "{\"criteria\":{" + criteria + "},\"verdict\":\"" + verdict + "\",\"reasoning\":\"rubric applied\"}";
	}

	static MockResponse anthropic(String text) {
		return json(Map.of("id", "msg_test", "type", "message", "role", "assistant", "model", "claude-opus-4-1",
				"content", List.of(Map.of("type", "text", "text", text)), "stop_reason", "end_turn",
				"usage", Map.of("input_tokens", 900, "output_tokens", 180)));
	}

	static MockResponse openai(String text) {
		return json(Map.of("id", "chatcmpl-test", "object", "chat.completion", "created", 1767225600, "model", "gpt-5",
				"choices", List.of(Map.of("index", 0, "message", Map.of("role", "assistant", "content", text), "finish_reason", "stop")),
				"usage", Map.of("prompt_tokens", 900, "completion_tokens", 180, "total_tokens", 1080)));
	}

	static MockResponse gemini(String text) {
		return json(Map.of("candidates", List.of(Map.of("content", Map.of("parts", List.of(Map.of("text", text)), "role", "model"),
				"finishReason", "STOP")), "usageMetadata", Map.of("promptTokenCount", 900, "candidatesTokenCount", 180,
						"totalTokenCount", 1080), "modelVersion", "gemini-2.5-pro"));
	}

	private static MockResponse json(Map<String, Object> body) {
		return new MockResponse().setResponseCode(200).setHeader("Content-Type", "application/json").setBody(ChimeraJson.write(body));
	}

	private Judged judge(String provider, Function<String, MockResponse> shape, String answer, String text) throws IOException {
		try (MockWebServer server = new MockWebServer()) {
			server.enqueue(shape.apply(answer));
			String base = switch (provider) {
				case "gemini" -> server.url("/v1beta").toString();
				case "anthropic" -> server.url("/v1/").toString();
				default -> server.url("/v1").toString();
			};
			Judged[] judged = new Judged[1];
			this.runner.withPropertyValues("chimera.models." + provider + ".api-key=test-key", "chimera.models." + provider + ".base-url=" + base,
					"chimera.models.judge.providers=" + provider).run(context -> {
						Judge judge = new Judge(context.getBean(ModelGateway.class), new JudgeCore(null, CLEAN_TEXT, ToolCallVerifier.DECLARED),
								(task, payment) -> List.of(), new BigDecimal("0.90"), true, Set.of(), Set.of());
						judged[0] = judge.judge(new Delivery("chimera:review:test", "{}", "chimera:processing:test"), result(text), task());
					});
			return judged[0];
		}
	}

	@Test
	void aConfidentRubricApprovesACleanPostOnEveryProvider() throws IOException {
		assertThat(judge("anthropic", HostedJudgeIntegrationTests::anthropic, rubric(0.96, "approve"), CLEAN).kind()).isEqualTo(Judged.Kind.APPROVED);
		assertThat(judge("openai", HostedJudgeIntegrationTests::openai, rubric(0.96, "approve"), CLEAN).kind()).isEqualTo(Judged.Kind.APPROVED);
		Judged gemini = judge("gemini", HostedJudgeIntegrationTests::gemini, rubric(0.93, "approve"), CLEAN);
		assertThat(gemini.kind()).isEqualTo(Judged.Kind.APPROVED);
		assertThat(gemini.confidence()).isEqualByComparingTo("0.93");
	}

	@Test
	void theLowestCriterionLowersTheConfidenceAndSaysWhy() throws IOException {
		Judged judged = judge("anthropic", HostedJudgeIntegrationTests::anthropic, rubric(0.55, "review"), CLEAN);
		assertThat(judged.kind()).isEqualTo(Judged.Kind.HUMAN_REVIEW);
		assertThat(judged.confidence()).isEqualByComparingTo("0.55");
		assertThat(judged.reasoning()).contains("persona_fit").contains("generic brand account");
	}

	@Test
	void deterministicFindingsVetoAnApprovingModel() throws IOException {
		Judged brand = judge("openai", HostedJudgeIntegrationTests::openai, rubric(0.99, "approve"), "Styling a Shein scarf with my Habesha kemis");
		assertThat(brand.kind()).isEqualTo(Judged.Kind.HUMAN_REVIEW);
		assertThat(brand.findings()).anySatisfy(f -> assertThat(f.code()).isEqualTo("unapproved_brand"));
		Judged phone = judge("openai", HostedJudgeIntegrationTests::openai, rubric(0.99, "approve"), CLEAN + " Order on +44 7400 123456");
		assertThat(phone.kind()).isEqualTo(Judged.Kind.REJECTED);
	}

	@Test
	void anIncompleteOrRejectingAnswerGoesToAHuman() throws IOException {
		Judged incomplete = judge("gemini", HostedJudgeIntegrationTests::gemini, rubric(0.97, "approve", "safety", "claims"), CLEAN);
		assertThat(incomplete.kind()).isEqualTo(Judged.Kind.HUMAN_REVIEW);
		assertThat(incomplete.findings()).anySatisfy(f -> assertThat(f.code()).isEqualTo("judge_incomplete"));
		Judged rejecting = judge("anthropic", HostedJudgeIntegrationTests::anthropic, rubric(0.95, "reject"), CLEAN);
		assertThat(rejecting.kind()).isEqualTo(Judged.Kind.HUMAN_REVIEW);
		assertThat(rejecting.findings()).anySatisfy(f -> assertThat(f.code()).isEqualTo("judge_model_unsafe"));
	}

	static ResultMessage result(String text) {
		TaskOutput output = new TaskOutput("twitter_post", text, null, null, null, DisclosureLevel.AUTOMATED, null, null, "w", false);
		return new ResultMessage(TaskId.random(), AgentId.random(), output, new BigDecimal("0.97"), "ok", List.of(),
				Instant.parse("2026-06-01T10:01:00Z"), "worker-1", null, null, null, null);
	}

	static TaskState task() {
		return new TaskState(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "pending",
				TaskType.CONTENT_GENERATION, new TaskContext("Create a twitter post", List.of(), List.of()), 1, 1,
				Instant.parse("2026-06-01T10:00:00Z"), 0, "active", 1, 1, null, null, SOUL);
	}
}
