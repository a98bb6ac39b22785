package tech.aiqem.chimera.tools;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;

import tech.aiqem.chimera.model.ApiKeyFormat;
import tech.aiqem.chimera.model.ChimeraJson;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The locks on {@code /mcp}, tried as an outsider would: with the official TypeScript SDK client and with
 * plain HTTP. No token, a wrong token or a browser's foreign origin gets nowhere; a worker's token
 * generates images and reads mentions but can neither post, pay nor write memory, and nothing changes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class McpAuthIntegrationTests {

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) throws Exception {
		McpToolsTestSupport.properties(registry);
	}

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void anonymousJsonRpcIsAnswered401BeforeItIsRead() throws Exception {
		String initialize = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\","
				+ "\"capabilities\":{},\"clientInfo\":{\"name\":\"curl\",\"version\":\"1\"}}}";
		for (String authorization : new String[] { null, "Bearer wrong-token-wrong-token-wrong", "Basic dXNlcjpwYXNz" }) {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/mcp"))
				.header("Content-Type", "application/json")
				.header("Accept", "application/json, text/event-stream")
				.POST(HttpRequest.BodyPublishers.ofString(initialize));
			if (authorization != null) {
				request.header("Authorization", authorization);
			}
			HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as(String.valueOf(authorization)).isEqualTo(401);
			assertThat(response.headers().firstValue("WWW-Authenticate")).get().asString().startsWith("Bearer");
			assertThat(response.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
			assertThat(response.headers().firstValue("Mcp-Session-Id")).as("no MCP session was opened").isEmpty();
		}
	}

	@Test
	void theTypeScriptSdkWithoutTheRightTokenGetsNowhereAndAWorkerCannotPostOrPay() throws Exception {
		TestAgents.Created agent = TestAgents.create(this.jdbc, "automated");
		TestAgents.Created otherTenants = TestAgents.create(this.jdbc, "automated");
		String apiKey = apiKey(agent);
		UUID approved = TestAgents.approvePost(this.jdbc, agent, "twitter", "Coffee ceremony at dawn", List.of());
		int postsBefore = count("SELECT count(*) FROM sandbox_posts");
		String output = NodeTool.run("security.mjs", "http://localhost:" + this.port + "/mcp", agent.agent().toString(),
				McpToolsTestSupport.WORKER_TOKEN, apiKey, otherTenants.agent().toString(), McpToolsTestSupport.PUBLISHER_TOKEN,
				approved.toString());
		JsonNode seen = ChimeraJson.tree(output);

		assertThat(seen.path("anonymous").path("connected").asBoolean()).isFalse();
		assertThat(seen.path("anonymous").path("message").asString()).contains("401");
		assertThat(seen.path("wrongToken").path("connected").asBoolean()).isFalse();
		assertThat(seen.path("wrongToken").path("message").asString()).contains("401");
		assertThat(seen.path("foreignOrigin").path("connected").asBoolean()).isFalse();
		assertThat(seen.path("foreignOrigin").path("message").asString()).contains("403");

		JsonNode worker = seen.path("worker");
		assertThat(worker.path("image").path("isError").asBoolean()).as(worker.path("image").toString()).isFalse();
		for (String refused : new String[] { "post", "payment", "remember" }) {
			assertThat(worker.path(refused).path("isError").asBoolean()).as(refused).isTrue();
			assertThat(worker.path(refused).path("structured").path("error").asString()).as(refused).isEqualTo("forbidden");
		}
		assertThat(worker.path("mentions").path("isError").asBoolean()).as(worker.path("mentions").toString()).isFalse();
		JsonNode external = seen.path("external");
		assertThat(external.path("templates").toString()).contains("chimera://agents/{agent_id}/mentions/{platform}");
		assertThat(external.path("ownMentions").path("isError").asBoolean()).as(external.path("ownMentions").toString()).isFalse();
		assertThat(external.path("ownMentions").path("text").asString()).contains("\"mentions\"");
		for (String refused : new String[] { "otherTenantsMentions", "metaNamedMentions" }) {
			assertThat(external.path(refused).path("thrown").asBoolean()).as(refused + ": " + external.path(refused)).isTrue();
		}
		assertThat(external.path("otherTenantsMentions").path("message").asString()).contains("no agent");
		assertThat(external.path("ownMemory").path("isError").asBoolean()).as(external.path("ownMemory").toString()).isFalse();
		assertThat(external.path("otherTenantsMemory").path("isError").asBoolean()).isTrue();
		assertThat(external.path("otherTenantsMemory").path("structured").path("error").asString()).isEqualTo("forbidden");
		assertThat(external.path("otherTenantsMemoryViaMeta").path("isError").asBoolean()).as("_meta names no agent for a key").isTrue();
		for (String refused : new String[] { "post", "payment" }) {
			assertThat(external.path(refused).path("structured").path("error").asString()).as(refused).isEqualTo("forbidden");
		}
		JsonNode publisher = seen.path("publisher");
		for (String refused : new String[] { "alteredText", "unapprovedTask", "unapprovedPayment" }) {
			assertThat(publisher.path(refused).path("structured").path("error").asString()).as(refused + ": " + publisher.path(refused))
				.isEqualTo("not_approved");
		}
		assertThat(count("SELECT count(*) FROM sandbox_posts")).as("nothing but the approved post was posted").isEqualTo(postsBefore + 1);
		assertThat(publisher.path("approved").path("isError").asBoolean()).as(publisher.path("approved").toString()).isFalse();
		assertThat(this.jdbc.queryForObject("SELECT text FROM sandbox_posts WHERE idempotency_key = ?", String.class, approved.toString()))
			.startsWith("Coffee ceremony at dawn");
		assertThat(this.jdbc.queryForList("SELECT tool || ':' || outcome FROM served_tool_calls WHERE caller = 'worker'"
				+ " AND tool IN ('post_content', 'send_payment', 'remember')", String.class))
			.as("the refused calls are on record").contains("post_content:forbidden", "send_payment:forbidden", "remember:forbidden");
	}

	@Test
	void thePublisherMayPostButNotGenerateImages() {
		try (McpSyncClient publisher = McpToolsTestSupport.client(this.port, McpToolsTestSupport.PUBLISHER_TOKEN)) {
			McpSchema.CallToolResult image = publisher.callTool(McpSchema.CallToolRequest.builder("generate_image")
				.arguments(Map.of("prompt", "a rooftop", "character_reference_id", "security-test-02"))
				.build());
			assertThat(image.isError()).isTrue();
			assertThat(((Map<?, ?>) image.structuredContent()).get("error")).isEqualTo("forbidden");
		}
	}

	/** A tenant API key as the orchestrator issues it: only its prefix and hash are stored. */
	private String apiKey(TestAgents.Created agent) {
		byte[] random = new byte[32];
		new java.security.SecureRandom().nextBytes(random);
		String key = ApiKeyFormat.SCHEME + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(random);
		this.jdbc.update("INSERT INTO api_keys (tenant_id, name, role, prefix, key_hash) VALUES (?, 'mcp client', 'reviewer', ?, ?)",
				agent.tenant().value(), ApiKeyFormat.prefixOf(key), ApiKeyFormat.hash(key));
		return key;
	}

	private int count(String sql) {
		Integer value = this.jdbc.queryForObject(sql, Integer.class);
		return value == null ? 0 : value;
	}
}
