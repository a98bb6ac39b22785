package tech.aiqem.chimera.orchestrator.judge;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

import tech.aiqem.chimera.embedded.TestServices;
import tech.aiqem.chimera.model.ChimeraJson;
import tech.aiqem.chimera.orchestrator.TestKeys;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The judge preview over HTTP as a reviewer: decisions and findings with spans, problem details for bad
 * bodies, nothing stored; and in the OpenAPI document.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class JudgePreviewIntegrationTests {

	static final String SOUL = """
			# Selam Style
			## Voice
			- Warm and upbeat
			## Topics
			- Ethiopian fashion
			## Forbidden topics
			- politics
			## Approved brands
			- Yefikir Design
			## Disclosure
			automated
			""";

	@DynamicPropertySource
	static void services(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", TestServices::freshPostgresDatabase);
		registry.add("chimera.redis-url", TestServices::freshRedisUrl);
	}

	@Value("${local.server.port}")
	int port;

	@Autowired
	JdbcClient jdbc;

	private String agentId;

	record Response(int status, String contentType, JsonNode body) {
	}

	private Response call(String role, String method, String path, Object body) {
		var spec = RestClient.builder().baseUrl("http://localhost:" + this.port)
			.defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + TestKeys.apiKey(this.jdbc, "default", role))
			.build()
			.method(HttpMethod.valueOf(method))
			.uri(path);
		if (body != null) {
			spec = spec.contentType(MediaType.APPLICATION_JSON).body(body instanceof String s ? s : ChimeraJson.write(body));
		}
		return spec.exchange((request, response) -> new Response(response.getStatusCode().value(),
				String.valueOf(response.getHeaders().getContentType()),
				ChimeraJson.tree(new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8))));
	}

	@BeforeEach
	void agent() {
		if (this.agentId == null) {
			Response created = call("operator", "POST", "/v1/agents", Map.of("name", "Selam Style " + System.nanoTime(),
					"persona_file", Base64.getEncoder().encodeToString(SOUL.getBytes(StandardCharsets.UTF_8))));
			assertThat(created.status()).isEqualTo(201);
			this.agentId = created.body().get("agent_id").asString();
		}
	}

	private static Map<String, Object> result(String text) {
		return Map.of("result", Map.of("content_type", "twitter_post", "text", text), "confidence_score", 0.95,
				"reasoning_trace", "test", "tool_calls", List.of());
	}

	private long rows() {
		return this.jdbc.sql("SELECT (SELECT COUNT(*) FROM tasks) + (SELECT COUNT(*) FROM hitl_reviews) + (SELECT COUNT(*) FROM spend_ledger)"
				+ " + (SELECT COUNT(*) FROM incidents)").query(Long.class).single();
	}

	@Test
	void aPostWithAPhoneNumberIsRejectedWithTheNumberHighlightedAndNothingIsStored() {
		long before = rows();
		String text = "New kemis drop! Call my cousin on +44 7400 123456 to order.";
		Response answer = call("reviewer", "POST", "/v1/agents/" + this.agentId + "/judge/preview", result(text));
		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.body().get("decision").asString()).isEqualTo("reject");
		JsonNode phone = null;
		for (JsonNode finding : answer.body().get("findings")) {
			if (finding.get("code").asString().equals("private_phone")) {
				phone = finding;
			}
		}
		assertThat(phone).isNotNull();
		assertThat(phone.get("severity").asString()).isEqualTo("reject");
		assertThat(phone.get("span").get("text").asString()).isEqualTo("+44 7400 123456");
		assertThat(text.substring(phone.get("span").get("start").asInt(), phone.get("span").get("end").asInt())).isEqualTo("+44 7400 123456");
		assertThat(rows()).isEqualTo(before);
	}

	@Test
	void anUnapprovedBrandGoesToAHumanAnApprovedOneDoesNotCount() {
		Response shein = call("reviewer", "POST", "/v1/agents/" + this.agentId + "/judge/preview",
				result("Styled my Ethiopian fashion look with a Shein scarf today"));
		assertThat(shein.body().get("decision").asString()).isEqualTo("review");
		assertThat(shein.body().get("findings").toString()).contains("unapproved_brand").contains("\"text\":\"Shein\"");
		Response approved = call("reviewer", "POST", "/v1/agents/" + this.agentId + "/judge/preview",
				result("Styled my Ethiopian fashion look with a @YefikirDesign scarf today"));
		assertThat(approved.body().get("findings").toString()).doesNotContain("unapproved_brand");
	}

	@Test
	void badBodiesGetProblemDetailsAndStrangersAre404() {
		String preview = "/v1/agents/" + this.agentId + "/judge/preview";
		Response malformed = call("reviewer", "POST", preview, "{\"result\": ");
		assertThat(malformed.status()).isEqualTo(400);
		assertThat(malformed.contentType()).contains("application/problem+json");
		Response noResult = call("reviewer", "POST", preview, Map.of("confidence_score", 0.9));
		assertThat(noResult.status()).isEqualTo(422);
		assertThat(noResult.body().get("detail").asString()).contains("result");
		Response badConfidence = call("reviewer", "POST", preview, Map.of("result", Map.of("text", "hi"), "confidence_score", 3));
		assertThat(badConfidence.status()).isIn(400, 422);
		Response noText = call("reviewer", "POST", preview, Map.of("result", Map.of("content_type", "x"), "confidence_score", 0.9));
		assertThat(noText.status()).isEqualTo(422);
		Response unknown = call("reviewer", "POST", "/v1/agents/550e8400-e29b-41d4-a716-446655440000/judge/preview", result("hi"));
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(call("reviewer", "GET", "/v3/api-docs", null).body().get("paths").has("/v1/agents/{agentId}/judge/preview")).isTrue();
	}
}
