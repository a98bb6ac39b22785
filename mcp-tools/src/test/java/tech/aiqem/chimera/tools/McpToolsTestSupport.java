package tech.aiqem.chimera.tools;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.springframework.test.context.DynamicPropertyRegistry;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;

import tech.aiqem.chimera.embedded.TestServices;

/** Real PostgreSQL (migrated by Flyway from db/migrations), real Redis, a temporary media directory. */
final class McpToolsTestSupport {

	/** A test caller that may call every tool, so the tools' own behaviour can be tested through one client. */
	static final String ALL_SCOPES_TOKEN = "test-all-scopes-token-0123456789abcdef";

	/** The worker's and the publisher's tokens, with the scopes application.yml gives them. */
	static final String WORKER_TOKEN = "test-worker-token-0123456789abcdef";

	static final String PUBLISHER_TOKEN = "test-publisher-token-0123456789abcdef";

	private McpToolsTestSupport() {
	}

	static void properties(DynamicPropertyRegistry registry) throws Exception {
		String database = TestServices.freshPostgresDatabase();
		String redis = TestServices.freshRedisUrl();
		Path media = Files.createTempDirectory("chimera-media-");
		// every test context hosts its own embedded memory index: Lucene allows one opener per directory
		Path memory = Files.createTempDirectory("chimera-memory-");
		registry.add("spring.datasource.url", () -> database);
		registry.add("chimera.redis-url", () -> redis);
		registry.add("chimera.migrate", () -> "true");
		registry.add("chimera.tools.media.dir", media::toString);
		registry.add("chimera.memory.embedded.directory", memory::toString);
		registry.add("chimera.tools.auth.callers.tester.token", () -> ALL_SCOPES_TOKEN);
		registry.add("chimera.tools.auth.callers.tester.scopes",
				() -> "post_content,generate_image,send_payment,search_memory,remember,read_mentions");
		registry.add("chimera.tools.auth.callers.worker.token", () -> WORKER_TOKEN);
		registry.add("chimera.tools.auth.callers.publisher.token", () -> PUBLISHER_TOKEN);
	}

	/** The SDK's own client over Streamable HTTP against the running server, as the all-scopes caller. */
	static McpSyncClient client(int port) {
		return client(port, ALL_SCOPES_TOKEN);
	}

	/** The SDK's own client, sending {@code token} as its bearer token (none when null). */
	static McpSyncClient client(int port, String token) {
		var transport = HttpClientStreamableHttpTransport.builder("http://localhost:" + port)
			.endpoint("/mcp")
			.httpRequestCustomizer((request, method, uri, body, context) -> {
				if (token != null) {
					request.header("Authorization", "Bearer " + token);
				}
			})
			.build();
		McpSyncClient client = McpClient.sync(transport)
			.clientInfo(new McpSchema.Implementation("chimera-test", "1.0"))
			.requestTimeout(Duration.ofSeconds(60))
			.build();
		client.initialize();
		return client;
	}

	static McpSchema.CallToolResult call(McpSyncClient client, String tool, Map<String, Object> args, Map<String, Object> meta) {
		return client.callTool(McpSchema.CallToolRequest.builder(tool).arguments(args).meta(meta).build());
	}

	static String text(McpSchema.CallToolResult result) {
		StringBuilder text = new StringBuilder();
		for (McpSchema.Content content : result.content()) {
			if (content instanceof McpSchema.TextContent part) {
				text.append(part.text());
			}
		}
		return text.toString();
	}
}
