package tech.aiqem.chimera.orchestrator;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

import tech.aiqem.chimera.embedded.TestServices;
import tech.aiqem.chimera.model.ChimeraJson;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The /v1 API over HTTP against real PostgreSQL and Redis, as an operator's API key: happy paths and the
 * problem details of bad input.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OrchestratorApiIntegrationTests {

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

	private String operatorKey;

	private RestClient client() {
		if (this.operatorKey == null) {
			this.operatorKey = TestKeys.apiKey(this.jdbc, "default", "operator");
		}
		return RestClient.builder().baseUrl("http://localhost:" + this.port)
			.defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + this.operatorKey)
			.build();
	}

	private Response call(String method, String path, Object body) {
		var spec = client().method(org.springframework.http.HttpMethod.valueOf(method)).uri(path);
		if (body != null) {
			spec = spec.contentType(org.springframework.http.MediaType.APPLICATION_JSON)
				.body(body instanceof String s ? s : ChimeraJson.write(body));
		}
		return spec.exchange((request, response) -> new Response(response.getStatusCode(),
				response.getHeaders().getContentType() == null ? null : response.getHeaders().getContentType().toString(),
				ChimeraJson.tree(new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8))));
	}

	record Response(HttpStatusCode status, String contentType, JsonNode body) {
	}

	private static String base64(String text) {
		return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void agentAndCampaignLifecycle() {
		Response created = call("POST", "/v1/agents", Map.of("name", "Selam Style", "persona_file", base64(SOUL),
				"social_accounts", Map.of("twitter", Map.of("username", "selam_style")), "budget",
				Map.of("daily_usd", 50.00, "total_usd", 5000.00)));
		assertThat(created.status().value()).isEqualTo(201);
		String agentId = created.body().get("agent_id").asString();
		assertThat(created.body().get("status").asString()).isEqualTo("active");
		assertThat(created.body().get("created_at").asString()).endsWith("Z");

		Response agent = call("GET", "/v1/agents/" + agentId, null);
		assertThat(agent.body().get("persona").get("forbidden_topics").get(0).asString()).isEqualTo("politics");
		assertThat(agent.body().get("budget_daily_usd").decimalValue()).isEqualByComparingTo("50.00");
		assertThat(call("GET", "/v1/agents", null).body().get("count").asInt()).isEqualTo(1);

		Response campaign = call("POST", "/v1/campaigns", Map.of("agent_id", agentId, "name", "Summer Collection 2026",
				"goals", "Promote Ethiopian fashion designers and summer collection", "budget_daily_usd", 30.00,
				"duration_days", 14));
		assertThat(campaign.status().value()).isEqualTo(201);
		assertThat(campaign.body().get("estimated_posts").asInt()).isEqualTo(42);
		assertThat(campaign.body().get("status").asString()).isEqualTo("active");
		String campaignId = campaign.body().get("campaign_id").asString();

		Response edited = call("PATCH", "/v1/campaigns/" + campaignId, Map.of("goals", "Two posts a day on Habesha kemis"));
		assertThat(edited.body().get("goals_revision").asInt()).isEqualTo(2);
		assertThat(edited.body().get("state_version").asLong()).isEqualTo(1);
		assertThat(call("POST", "/v1/campaigns/" + campaignId + "/pause", null).body().get("status").asString())
			.isEqualTo("paused");
		assertThat(call("POST", "/v1/campaigns/" + campaignId + "/resume", null).body().get("status").asString())
			.isEqualTo("active");

		Response paused = call("POST", "/v1/agents/" + agentId + "/pause", null);
		assertThat(paused.body().get("status").asString()).isEqualTo("paused");
		Response refused = call("POST", "/v1/campaigns", Map.of("agent_id", agentId, "name", "x", "goals", "y", "duration_days", 3));
		assertThat(refused.status().value()).isEqualTo(409);

		Response metrics = call("GET", "/v1/agents/" + agentId + "/metrics?period=last_7_days", null);
		assertThat(metrics.body().get("period").asString()).isEqualTo("last_7_days");
		assertThat(metrics.body().get("metrics").get("posts_created").asLong()).isZero();

		Response queue = call("GET", "/v1/hitl/queue", null);
		assertThat(queue.body().get("total").asLong()).isZero();
		Response pipeline = call("GET", "/v1/pipeline", null);
		assertThat(pipeline.body().get("queues").has("high")).isTrue();
	}

	@Test
	void aPersonaWrittenFreelyIsAcceptedWithWarnings() {
		String freeForm = """
				# SOUL.md

				## Who she is
				A Lagos street-food critic with a soft spot for suya.

				## How she talks
				- Loud, funny, generous with praise

				## Never
				- politics
				""";
		Response created = call("POST", "/v1/agents", Map.of("name", "Suya Queen", "persona_file", base64(freeForm)));
		assertThat(created.status().value()).as(created.body().toString()).isEqualTo(201);
		assertThat(created.body().get("persona").get("name").asString()).isEqualTo("Suya Queen");
		assertThat(created.body().get("persona").get("forbidden_topics").get(0).asString()).isEqualTo("politics");
		assertThat(created.body().get("warnings").toString()).contains("no name in the file", "no topics",
				"no approved brands: every brand mention will be escalated");
		String agentId = created.body().get("agent_id").asString();
		assertThat(call("GET", "/v1/agents/" + agentId, null).body().get("persona").get("warnings").toString())
			.contains("no approved brands");
	}

	@Test
	void invalidSoulIsRejectedWithLineAndReasonAndChangesNothing() {
		long before = call("GET", "/v1/agents?limit=500", null).body().get("count").asLong();
		Response response = call("POST", "/v1/agents", Map.of("name", "Bad", "persona_file",
				base64("{\"name\": \"Half a JSON\", ")));
		assertThat(response.status().value()).isEqualTo(422);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.body().get("code").asString()).isEqualTo("invalid_persona");
		assertThat(response.body().get("detail").asString()).isEqualTo(
				"SOUL.md: the file starts like JSON but is not valid JSON");
		assertThat(response.body().get("errors").get(0).get("field").asString()).isEqualTo("persona_file");
		assertThat(call("GET", "/v1/agents?limit=500", null).body().get("count").asLong()).isEqualTo(before);
	}

	@Test
	void badInputGetsProblemDetails() {
		Response negative = call("POST", "/v1/agents", Map.of("name", "N", "persona_file", base64(SOUL), "budget",
				Map.of("daily_usd", -5)));
		assertThat(negative.status().value()).as(negative.body().toString()).isEqualTo(422);
		assertThat(negative.body().get("errors").get(0).get("field").asString()).isEqualTo("budget.daily_usd");
		assertThat(negative.body().get("errors").get(0).get("message").asString()).isEqualTo("must not be negative");

		Response notBase64 = call("POST", "/v1/agents", Map.of("name", "N", "persona_file", "%%%"));
		assertThat(notBase64.status().value()).isEqualTo(422);
		assertThat(notBase64.body().get("detail").asString()).startsWith("persona_file: is not valid base64");

		Response malformed = call("POST", "/v1/agents", "{\"name\": ");
		assertThat(malformed.status().value()).isEqualTo(400);
		assertThat(malformed.body().get("code").asString()).isEqualTo("malformed_request");

		Response unknown = call("GET", "/v1/agents/550e8400-e29b-41d4-a716-446655440000", null);
		assertThat(unknown.status().value()).isEqualTo(404);
		assertThat(unknown.body().get("type").asString()).isEqualTo("https://chimera.aiqem.tech/problems/not_found");

		Response badId = call("GET", "/v1/tasks/uuid", null);
		assertThat(badId.status().value()).isEqualTo(400);

		Response badPeriod = call("GET", "/v1/agents/550e8400-e29b-41d4-a716-446655440000/metrics?period=forever", null);
		assertThat(badPeriod.status().value()).isEqualTo(422);

		Response noCampaignAgent = call("POST", "/v1/campaigns", Map.of("agent_id", "550e8400-e29b-41d4-a716-446655440000",
				"name", "x", "goals", "y", "duration_days", 3));
		assertThat(noCampaignAgent.status().value()).isEqualTo(404);

		Response badDuration = call("POST", "/v1/campaigns", Map.of("agent_id", "550e8400-e29b-41d4-a716-446655440000",
				"name", "x", "goals", "y", "duration_days", 0));
		assertThat(badDuration.status().value()).isEqualTo(422);
		assertThat(badDuration.body().get("errors").get(0).get("field").asString()).isEqualTo("duration_days");

		Response badDecision = call("POST", "/v1/hitl/550e8400-e29b-41d4-a716-446655440000/decision", Map.of("decision", "maybe"));
		assertThat(badDecision.status().value()).isEqualTo(422);
	}

	@Test
	void openApiDocumentIsServed() {
		Response docs = call("GET", "/v3/api-docs", null);
		assertThat(docs.status().value()).isEqualTo(200);
		assertThat(docs.body().get("paths").has("/v1/agents")).isTrue();
		assertThat(docs.body().get("paths").has("/v1/hitl/{reviewId}/decision")).isTrue();
	}
}
