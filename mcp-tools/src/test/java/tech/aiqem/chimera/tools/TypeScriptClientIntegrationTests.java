package tech.aiqem.chimera.tools;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tech.aiqem.chimera.model.ChimeraJson;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A second, independent client — the official MCP TypeScript SDK, run by node — lists and calls the
 * tools of the running server. No payment gateway is wired here: the default refuses plainly.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TypeScriptClientIntegrationTests {

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) throws Exception {
		McpToolsTestSupport.properties(registry);
	}

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void theTypeScriptSdkListsAndCallsTheTools() throws Exception {
		TestAgents.Created agent = TestAgents.create(this.jdbc, "automated");
		// the post is the task's approved outbox post; the payment was never approved
		UUID task = TestAgents.approvePost(this.jdbc, agent, "threads", "Hello from the TypeScript SDK", List.of());
		String output = NodeTool.run("client.mjs", "http://localhost:" + this.port + "/mcp", agent.agent().toString(),
				task.toString(), McpToolsTestSupport.ALL_SCOPES_TOKEN);
		JsonNode seen = ChimeraJson.tree(output);

		List<String> names = new ArrayList<>();
		seen.path("tools").forEach(tool -> names.add(tool.path("name").asString()));
		assertThat(names).contains("post_content", "generate_image", "send_payment", "search_memory", "remember");
		for (JsonNode tool : seen.path("tools")) {
			if (tool.path("name").asString().equals("send_payment")) {
				assertThat(tool.path("inputSchema").path("properties").path("to_address").path("pattern").asString())
					.isEqualTo("^0x[a-fA-F0-9]{40}$");
				assertThat(tool.path("inputSchema").path("properties").path("amount_usdc").path("minimum").asDouble()).isEqualTo(0.01);
			}
		}
		assertThat(seen.path("resources").toString()).contains("twitter://mentions/recent", "instagram://mentions/recent",
				"threads://mentions/recent");

		assertThat(seen.path("image").path("isError").asBoolean()).isFalse();
		assertThat(seen.path("image").path("structured").path("width").asInt()).isEqualTo(1080);
		assertThat(seen.path("image").path("structured").path("height").asInt()).isEqualTo(1080);

		assertThat(seen.path("post").path("isError").asBoolean()).isFalse();
		String postId = seen.path("post").path("structured").path("post_id").asString();
		assertThat(this.jdbc.queryForObject("SELECT text FROM sandbox_posts WHERE id = ?::uuid", String.class, postId))
			.startsWith("Hello from the TypeScript SDK");

		assertThat(seen.path("payment").path("isError").asBoolean()).isTrue();
		// The task's approved action is a post: a payment for it is refused before the wallet is asked.
		assertThat(seen.path("payment").path("text").asString()).contains("the approved action is a post");
		assertThat(seen.path("badPayment").path("isError").asBoolean()).isTrue();
		assertThat(seen.path("badPayment").path("text").asString()).contains("to_address");

		assertThat(seen.path("mentions").path("mentions").isArray()).isTrue();
		assertThat(seen.path("mentions").has("fetched_at")).isTrue();
	}
}
