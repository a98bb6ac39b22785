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
	}

	/** The SDK's own client over Streamable HTTP against the running server. */
	static McpSyncClient client(int port) {
		var transport = HttpClientStreamableHttpTransport.builder("http://localhost:" + port).endpoint("/mcp").build();
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
