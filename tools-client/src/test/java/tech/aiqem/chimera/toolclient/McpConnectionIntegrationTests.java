package tech.aiqem.chimera.toolclient;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import okhttp3.mockwebserver.MockResponse;
import org.junit.jupiter.api.Test;

import tech.aiqem.chimera.model.AgentId;
import tech.aiqem.chimera.model.ChimeraException;
import tech.aiqem.chimera.model.ErrorCode;
import tech.aiqem.chimera.model.TaskId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The shared MCP connection against a scripted server: what one call's failure does to the others. */
class McpConnectionIntegrationTests {

	private static final String TOOLS = """
			{"tools": [{"name": "post_content", "inputSchema": {"type": "object"}}]}""";

	private final List<Duration> waits = new ArrayList<>();

	@Test
	void aFailedCallLeavesAnotherCallInFlightAlone() throws Exception {
		try (ScriptedMcpServer server = new ScriptedMcpServer()) {
			server.answerAfterRelease("tools/list", TOOLS)
				.answer("tools/call generate_image", request -> new MockResponse().setResponseCode(500).setBody("boom"));
			try (ToolsClient client = new ToolsClient(properties(server, 1), this.waits::add)) {
				CompletableFuture<List<String>> names = CompletableFuture.supplyAsync(client::toolNames);
				assertThat(server.arrived("tools/list")).isTrue();

				assertThatThrownBy(() -> client.generateImage(context(), "a lake at dawn", "ref-1", null, null))
					.isInstanceOf(RuntimeException.class);
				server.release();

				assertThat(names.get(20, TimeUnit.SECONDS)).containsExactly("post_content");
				assertThat(server.sessions.get()).as("the session is kept").isEqualTo(1);
			}
		}
	}

	/** The SDK opens the new session itself, in the same client; the connection must not get in its way. */
	@Test
	void aLostSessionIsReopenedForTheRetry() throws Exception {
		AtomicInteger lists = new AtomicInteger();
		try (ScriptedMcpServer server = new ScriptedMcpServer()) {
			// the first answer is a server that restarted and forgot the session
			server.answer("tools/list", request -> (lists.incrementAndGet() == 1) ? new MockResponse().setResponseCode(404)
					: ScriptedMcpServer.result(request, TOOLS));
			try (ToolsClient client = new ToolsClient(properties(server, 3), this.waits::add)) {
				assertThat(client.toolNames()).containsExactly("post_content");
			}
			assertThat(server.sessions.get()).isEqualTo(2);
		}
	}

	@Test
	void aFailedCallIsRetriedOnTheSameSession() throws Exception {
		AtomicInteger lists = new AtomicInteger();
		try (ScriptedMcpServer server = new ScriptedMcpServer()) {
			server.answer("tools/list", request -> (lists.incrementAndGet() == 1) ? new MockResponse().setResponseCode(502)
					: ScriptedMcpServer.result(request, TOOLS));
			try (ToolsClient client = new ToolsClient(properties(server, 3), this.waits::add)) {
				assertThat(client.toolNames()).containsExactly("post_content");
			}
			assertThat(this.waits).hasSize(1);
			assertThat(server.sessions.get()).isEqualTo(1);
		}
	}

	@Test
	void anOpenCircuitBreakerSkipsTheServerButTheCallerStillWaitsThroughTheBackoff() throws Exception {
		try (ScriptedMcpServer server = new ScriptedMcpServer()) {
			server.answer("tools/list", request -> new MockResponse().setResponseCode(503));
			McpClientProperties properties = new McpClientProperties(server.url(), Duration.ofSeconds(5), Duration.ofSeconds(1), 2,
					Duration.ofMillis(10), Duration.ofMillis(10), null, new McpClientProperties.Breaker(2, 2, 50, Duration.ofHours(1)));
			try (ToolsClient client = new ToolsClient(properties, this.waits::add)) {
				assertThatThrownBy(client::toolNames).isInstanceOfSatisfying(ChimeraException.class,
						ex -> assertThat(ex.getMessage()).contains("after 2 attempts"));
				int reached = server.requestCount();

				assertThatThrownBy(client::toolNames).isInstanceOfSatisfying(ChimeraException.class, ex -> {
					assertThat(ex.code()).isEqualTo(ErrorCode.E1002);
					assertThat(ex.getMessage()).contains("circuit breaker is open");
				});
				assertThat(server.requestCount()).as("nothing sent while the breaker is open").isEqualTo(reached);
				// a worker that failed every task at once while the server is down would empty its queue in seconds
				assertThat(this.waits).as("backoff of the first call, then of the second").hasSize(2);
			}
		}
	}

	@Test
	void toolErrorsDoNotOpenTheCircuitBreaker() throws Exception {
		try (ScriptedMcpServer server = new ScriptedMcpServer()) {
			server.answer("tools/call generate_image", request -> ScriptedMcpServer.result(request, """
					{"content": [{"type": "text", "text": "no such character"}], "isError": true,
					 "structuredContent": {"error": "invalid_argument"}}"""));
			McpClientProperties properties = new McpClientProperties(server.url(), Duration.ofSeconds(5), Duration.ofSeconds(1), 2,
					Duration.ofMillis(10), Duration.ofMillis(10), null, new McpClientProperties.Breaker(2, 2, 50, Duration.ofHours(1)));
			try (ToolsClient client = new ToolsClient(properties, this.waits::add)) {
				for (int i = 0; i < 3; i++) {
					assertThatThrownBy(() -> client.generateImage(context(), "a lake", "ref-1", null, null))
						.isInstanceOf(ToolErrorException.class);
				}
			}
		}
	}

	private static McpClientProperties properties(ScriptedMcpServer server, int attempts) {
		return new McpClientProperties(server.url(), Duration.ofSeconds(5), Duration.ofSeconds(1), attempts,
				Duration.ofMillis(10), Duration.ofMillis(10));
	}

	private static ToolCallContext context() {
		return new ToolCallContext(AgentId.random(), null, TaskId.random());
	}
}
