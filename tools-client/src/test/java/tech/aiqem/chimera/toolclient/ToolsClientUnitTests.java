package tech.aiqem.chimera.toolclient;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import tech.aiqem.chimera.model.AgentId;
import tech.aiqem.chimera.model.ChimeraException;
import tech.aiqem.chimera.model.ErrorCode;
import tech.aiqem.chimera.model.Platform;
import tech.aiqem.chimera.model.TaskId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ToolsClientUnitTests {

	@Test
	void anUnreachableServerIsRetriedWithExponentialBackoffThenRaisesE1002() throws IOException {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		McpClientProperties properties = new McpClientProperties(URI.create("http://127.0.0.1:" + closedPort + "/mcp"),
				Duration.ofSeconds(5), Duration.ofSeconds(1), 5, Duration.ofMillis(100), Duration.ofSeconds(1));
		List<Duration> waits = new ArrayList<>();
		try (ToolsClient client = new ToolsClient(properties, waits::add)) {
			assertThatThrownBy(() -> client.postContent(new ToolCallContext(AgentId.random(), null, TaskId.random()),
					Platform.TWITTER, "hello", List.of(), null))
				.isInstanceOfSatisfying(ChimeraException.class, ex -> {
					assertThat(ex.code()).isEqualTo(ErrorCode.E1002);
					assertThat(ex.getMessage()).contains("127.0.0.1:" + closedPort).contains("after 5 attempts");
				});
		}
		assertThat(waits).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400),
				Duration.ofMillis(800));
	}

	@Test
	void backoffDoublesUpToItsCap() {
		McpClientProperties properties = new McpClientProperties(URI.create("http://localhost:8084/mcp"), Duration.ofSeconds(5),
				Duration.ofSeconds(1), 5, Duration.ofMillis(500), Duration.ofSeconds(3));
		assertThat(properties.backoff(1)).isEqualTo(Duration.ofMillis(500));
		assertThat(properties.backoff(3)).isEqualTo(Duration.ofSeconds(2));
		assertThat(properties.backoff(4)).isEqualTo(Duration.ofSeconds(3));
	}

	@Test
	void creatingTheClientDoesNotConnect() {
		McpClientProperties properties = new McpClientProperties(URI.create("http://127.0.0.1:1/mcp"), Duration.ofSeconds(5),
				Duration.ofSeconds(1), 5, Duration.ofMillis(100), Duration.ofSeconds(1));
		try (ToolsClient client = new ToolsClient(properties)) {
			assertThat(client).isNotNull();
		}
	}

	@Test
	void rejectsANonHttpUrl() {
		assertThatThrownBy(() -> new McpClientProperties(URI.create("ftp://x/mcp"), Duration.ofSeconds(1), Duration.ofSeconds(1), 5,
				Duration.ofMillis(1), Duration.ofMillis(1)))
			.hasMessageContaining("chimera.mcp.url");
	}
}
