package tech.aiqem.chimera.tools;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.threeten.extra.MutableClock;

import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;

import tech.aiqem.chimera.model.MemoryType;
import tech.aiqem.chimera.model.Platform;
import tech.aiqem.chimera.model.TaskId;
import tech.aiqem.chimera.toolclient.McpClientProperties;
import tech.aiqem.chimera.toolclient.MemoryRanking;
import tech.aiqem.chimera.toolclient.ToolCallContext;
import tech.aiqem.chimera.toolclient.ToolErrorException;
import tech.aiqem.chimera.toolclient.ToolResults;
import tech.aiqem.chimera.toolclient.ToolsClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static tech.aiqem.chimera.tools.McpToolsTestSupport.call;
import static tech.aiqem.chimera.tools.McpToolsTestSupport.text;

/**
 * search_memory and remember on the running server (real embedded store with the real embedding model),
 * driven by the MCP Java SDK's client and by common-infra's ToolsClient.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MemoryToolsIntegrationTests {

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) throws Exception {
		McpToolsTestSupport.properties(registry);
	}

	@TestConfiguration
	static class Time {

		/** The shared clock, movable, so since_days can be tested without waiting days. */
		@Bean
		MutableClock clock() {
			return MutableClock.of(Instant.parse("2026-03-01T09:00:00Z"), ZoneOffset.UTC);
		}
	}

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MutableClock clock;

	static McpSyncClient client;

	@AfterAll
	static void closeClient() {
		if (client != null) {
			client.closeGracefully();
			client = null;
		}
	}

	McpSyncClient client() {
		if (client == null) {
			client = McpToolsTestSupport.client(this.port);
		}
		return client;
	}

	static Map<String, Object> meta(TestAgents.Created agent, UUID task) {
		Map<String, Object> meta = new HashMap<>();
		meta.put("chimera/agent_id", agent.agent().toString());
		meta.put("chimera/tenant_id", agent.tenant().toString());
		if (task != null) {
			meta.put("chimera/task_id", task.toString());
		}
		return meta;
	}

	@Test
	void aRememberedPostIsFoundByMeaningWithItsTypeImportanceTimeAndScore() {
		TestAgents.Created agent = TestAgents.create(this.jdbc, "automated");
		UUID task = UUID.randomUUID();
		McpSchema.CallToolResult stored = call(client(), "remember",
				Map.of("content", "Wore a green habesha kemis to the Timkat celebration in Gondar", "memory_type", "conversation",
						"importance", 0.6, "context", Map.of("platform", "twitter", "post_id", "p-123", "source", "published")),
				meta(agent, task));
		assertThat(stored.isError()).as(text(stored)).isFalse();
		String id = (String) ((Map<?, ?>) stored.structuredContent()).get("memory_id");
		call(client(), "remember", Map.of("content", "Our coffee ceremony tutorial did well on Instagram", "memory_type", "learning"),
				meta(agent, null));

		McpSchema.CallToolResult found = call(client(), "search_memory", Map.of("query", "What did I wear for the Timkat festival?"),
				meta(agent, null));
		assertThat(found.isError()).as(text(found)).isFalse();
		List<?> memories = (List<?>) ((Map<?, ?>) found.structuredContent()).get("memories");
		assertThat(memories).hasSize(2);
		Map<?, ?> best = (Map<?, ?>) memories.get(0);
		assertThat(best.get("id")).isEqualTo(id);
		assertThat(best.get("content")).isEqualTo("Wore a green habesha kemis to the Timkat celebration in Gondar");
		assertThat(best.get("memory_type")).isEqualTo("conversation");
		assertThat(((Number) best.get("importance")).doubleValue()).isEqualTo(0.6);
		assertThat(best.get("timestamp")).isEqualTo(this.clock.instant().toString());
		assertThat(best.get("context")).isEqualTo(Map.of("platform", "twitter", "post_id", "p-123", "source", "published",
				"task_id", task.toString()));
		double score = ((Number) best.get("score")).doubleValue();
		assertThat(score).isGreaterThan(((Number) ((Map<?, ?>) memories.get(1)).get("score")).doubleValue());
		assertThat(text(found)).contains("\"memories\"").contains("Gondar");

		McpSchema.CallToolResult learnings = call(client(), "search_memory",
				Map.of("query", "Timkat", "memory_type", "learning", "limit", 5), meta(agent, null));
		assertThat((List<?>) ((Map<?, ?>) learnings.structuredContent()).get("memories")).singleElement()
			.satisfies(m -> assertThat(((Map<?, ?>) m).get("memory_type")).isEqualTo("learning"));
	}

	@Test
	void memoriesStayWithTheirAgentAndTenant() {
		TestAgents.Created owner = TestAgents.create(this.jdbc, "automated");
		TestAgents.Created colleague = sameTenant(owner);
		TestAgents.Created stranger = TestAgents.create(this.jdbc, "automated");
		McpSchema.CallToolResult stored = call(client(), "remember",
				Map.of("content", "Private note: the spring collection launches on the 14th", "memory_type", "learning"),
				meta(owner, null));
		assertThat(stored.isError()).as(text(stored)).isFalse();
		Map<String, Object> query = Map.of("query", "When does the spring collection launch?");

		assertThat(memories(call(client(), "search_memory", query, meta(owner, null)))).hasSize(1);
		assertThat(memories(call(client(), "search_memory", query, meta(colleague, null)))).isEmpty();
		assertThat(memories(call(client(), "search_memory", query, meta(stranger, null)))).isEmpty();

		Map<String, Object> wrongTenant = Map.of("chimera/agent_id", owner.agent().toString(), "chimera/tenant_id",
				stranger.tenant().toString());
		McpSchema.CallToolResult forbidden = call(client(), "search_memory", query, wrongTenant);
		assertThat(forbidden.isError()).isTrue();
		assertThat(((Map<?, ?>) forbidden.structuredContent()).get("error")).isEqualTo("forbidden");
		assertThat(text(forbidden)).contains("does not belong to tenant " + stranger.tenant());

		McpSchema.CallToolResult noTenant = call(client(), "remember", Map.of("content", "x", "memory_type", "learning"),
				Map.of("chimera/agent_id", owner.agent().toString()));
		assertThat(noTenant.isError()).isTrue();
		assertThat(text(noTenant)).contains("chimera/tenant_id").contains("is required");

		McpSchema.CallToolResult unknown = call(client(), "search_memory", query,
				Map.of("chimera/agent_id", UUID.randomUUID().toString(), "chimera/tenant_id", owner.tenant().toString()));
		assertThat(unknown.isError()).isTrue();
		assertThat(((Map<?, ?>) unknown.structuredContent()).get("error")).isEqualTo("unknown_agent");
	}

	@Test
	void rememberingAgainUnderTheSameTaskStoresOnce() {
		TestAgents.Created agent = TestAgents.create(this.jdbc, "automated");
		UUID task = UUID.randomUUID();
		Map<String, Object> args = Map.of("content", "Thanked @selam_designs for the embroidery feature", "memory_type", "conversation");
		Object first = ((Map<?, ?>) call(client(), "remember", args, meta(agent, task)).structuredContent()).get("memory_id");
		Object again = ((Map<?, ?>) call(client(), "remember", args, meta(agent, task)).structuredContent()).get("memory_id");
		Object asLearning = ((Map<?, ?>) call(client(), "remember",
				Map.of("content", "Embroidery features get warm replies", "memory_type", "learning"), meta(agent, task))
			.structuredContent()).get("memory_id");
		Object withoutTask = ((Map<?, ?>) call(client(), "remember", args, meta(agent, null)).structuredContent()).get("memory_id");

		assertThat(again).isEqualTo(first);
		assertThat(asLearning).isNotEqualTo(first);
		assertThat(withoutTask).isNotEqualTo(first);
		List<Object> found = memories(call(client(), "search_memory",
				Map.of("query", "embroidery feature thanks", "memory_type", "conversation", "limit", 20), meta(agent, null)))
			.stream()
			.map(m -> ((Map<?, ?>) m).get("id"))
			.map(Object.class::cast)
			.toList();
		assertThat(found).containsExactlyInAnyOrder(first, withoutTask);
	}

	@Test
	void badArgumentsAreToolErrorsAndStoreNothing() {
		TestAgents.Created agent = TestAgents.create(this.jdbc, "automated");
		assertError(call(client(), "search_memory", Map.of("limit", 3), meta(agent, null)), "query");
		assertError(call(client(), "search_memory", Map.of("query", "kemis", "limit", 50), meta(agent, null)), "limit");
		assertError(call(client(), "search_memory", Map.of("query", "kemis", "limit", 0), meta(agent, null)), "limit");
		assertError(call(client(), "search_memory", Map.of("query", "kemis", "memory_type", "diary"), meta(agent, null)),
				"memory_type");
		assertError(call(client(), "search_memory", Map.of("query", "kemis", "since_days", -2), meta(agent, null)), "since_days");
		assertError(call(client(), "remember", Map.of("content", "kemis"), meta(agent, null)), "memory_type");
		assertError(call(client(), "remember", Map.of("content", "kemis", "memory_type", "learning", "importance", 2),
				meta(agent, null)), "importance");
		assertError(call(client(), "remember", Map.of("content", "k".repeat(2001), "memory_type", "learning"), meta(agent, null)),
				"content");
		assertError(call(client(), "remember", Map.of("content", "   ", "memory_type", "learning"), meta(agent, null)), "content");
		assertError(call(client(), "remember",
				Map.of("content", "kemis", "memory_type", "learning", "context", Map.of("mood", "happy")), meta(agent, null)),
				"mood");
		assertError(call(client(), "remember",
				Map.of("content", "kemis", "memory_type", "learning", "context", Map.of("platform", "myspace")), meta(agent, null)),
				"platform");

		assertThat(memories(call(client(), "search_memory", Map.of("query", "kemis", "limit", 20), meta(agent, null)))).isEmpty();
	}

	@Test
	void theToolsClientRemembersAndSearchesWithTypedResults() {
		TestAgents.Created agent = TestAgents.create(this.jdbc, "assisted");
		McpClientProperties properties = new McpClientProperties(URI.create("http://localhost:" + this.port + "/mcp"),
				Duration.ofSeconds(60), Duration.ofSeconds(2), 5, Duration.ofMillis(100), Duration.ofSeconds(1),
				McpToolsTestSupport.ALL_SCOPES_TOKEN);
		try (ToolsClient tools = new ToolsClient(properties)) {
			TaskId task = TaskId.random();
			ToolCallContext context = new ToolCallContext(agent.agent(), agent.tenant(), task);
			String old = tools.remember(context, "Posted about Meskel festival bonfires and yellow daisies", MemoryType.CONVERSATION,
					0.6, Map.of("platform", Platform.THREADS, "post_id", "t-1"));
			assertThat(tools.remember(context, "Posted about Meskel festival bonfires and yellow daisies", MemoryType.CONVERSATION,
					0.6, Map.of("platform", Platform.THREADS, "post_id", "t-1")))
				.isEqualTo(old);
			this.clock.add(Duration.ofDays(10));
			ToolCallContext later = new ToolCallContext(agent.agent(), agent.tenant(), TaskId.random());
			String recent = tools.remember(later, "Posted about the Meskel festival parade in Addis", MemoryType.CONVERSATION, 0.6,
					null);

			ToolCallContext reader = new ToolCallContext(agent.agent(), agent.tenant(), null);
			List<ToolResults.FoundMemory> all = tools.searchMemory(reader, "Meskel festival", MemoryType.CONVERSATION, 5, null);
			assertThat(all).extracting(ToolResults.FoundMemory::id).containsExactlyInAnyOrder(old, recent);
			ToolResults.FoundMemory first = all.stream().filter(m -> m.id().equals(old)).findFirst().orElseThrow();
			assertThat(first.memoryType()).isEqualTo(MemoryType.CONVERSATION);
			assertThat(first.importance()).isEqualTo(0.6);
			assertThat(first.context()).containsEntry("platform", "threads").containsEntry("task_id", task.toString());
			assertThat(first.timestamp()).isEqualTo(this.clock.instant().minus(Duration.ofDays(10)));

			List<ToolResults.FoundMemory> lastWeek = tools.searchMemory(reader, "Meskel festival", null, 5, 7);
			assertThat(lastWeek).extracting(ToolResults.FoundMemory::id).containsExactly(recent);

			ToolResults.FoundMemory same = tools
				.searchMemory(reader, "Meskel festival parade in Addis", null, 1, 7, MemoryRanking.SIMILARITY)
				.get(0);
			assertThat(same.similarity()).isGreaterThan(0.75).isEqualTo(same.score());
			ToolResults.FoundMemory unrelated = tools
				.searchMemory(reader, "quarterly tax filing deadlines", null, 1, 7, MemoryRanking.SIMILARITY)
				.get(0);
			assertThat(unrelated.similarity()).isLessThan(0.5);

			assertThatThrownBy(() -> tools.remember(later, "x".repeat(2001), MemoryType.LEARNING, 0.5, null))
				.isInstanceOfSatisfying(ToolErrorException.class, ex -> assertThat(ex.getMessage()).contains("content"));
			assertThatIllegalArgumentException()
				.isThrownBy(() -> tools.searchMemory(new ToolCallContext(agent.agent(), null, null), "x", null, 5, null))
				.withMessageContaining("tenant");
		}
	}

	private TestAgents.Created sameTenant(TestAgents.Created other) {
		TestAgents.Created created = TestAgents.create(this.jdbc, "automated");
		this.jdbc.update("UPDATE agents SET tenant_id = ? WHERE id = ?", other.tenant().value(), created.agent().value());
		return new TestAgents.Created(created.agent(), other.tenant(), created.handle());
	}

	private static List<?> memories(McpSchema.CallToolResult result) {
		assertThat(result.isError()).as(text(result)).isFalse();
		return (List<?>) ((Map<?, ?>) result.structuredContent()).get("memories");
	}

	private static void assertError(McpSchema.CallToolResult result, String mentioning) {
		assertThat(result.isError()).as("expected a tool error about %s", mentioning).isTrue();
		assertThat(text(result)).contains(mentioning);
	}
}
