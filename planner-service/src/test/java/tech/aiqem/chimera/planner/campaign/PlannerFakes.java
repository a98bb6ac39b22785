package tech.aiqem.chimera.planner.campaign;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import tech.aiqem.chimera.gateway.ModelGateway;
import tech.aiqem.chimera.gateway.ModelPrompt;
import tech.aiqem.chimera.gateway.ModelReply;
import tech.aiqem.chimera.gateway.ModelRole;
import tech.aiqem.chimera.gateway.offline.OfflineModel;
import tech.aiqem.chimera.model.MemoryType;
import tech.aiqem.chimera.planner.config.PlannerProperties;
import tech.aiqem.chimera.toolclient.McpClientProperties;
import tech.aiqem.chimera.toolclient.MemoryRanking;
import tech.aiqem.chimera.toolclient.ToolCallContext;
import tech.aiqem.chimera.toolclient.ToolResults;
import tech.aiqem.chimera.toolclient.ToolsClient;

/** Small fakes for the planner's memory check: what memory "remembers" and the offline model, counted. */
final class PlannerFakes {

	static final String SOUL = """
			# Selam

			## Identity
			A warm fashion insider from Addis Ababa.

			## Voice
			- Friendly tone

			## Topics
			- Ethiopian fashion
			- Habesha kemis

			## Disclosure
			automated
			""";

	private PlannerFakes() {
	}

	static PlannerProperties properties() {
		return new PlannerProperties(Duration.ofHours(24), Duration.ofHours(2), 24, 500, 1, 10_000, Duration.ofMillis(500),
				Duration.ofMinutes(5), 0.75);
	}

	/** The offline model behind the gateway interface, counting its calls. */
	static final class CountingModel implements ModelGateway {

		final AtomicInteger calls = new AtomicInteger();

		final List<ModelPrompt> prompts = new ArrayList<>();

		private final OfflineModel offline = new OfflineModel(Duration.ZERO, Duration.ZERO);

		@Override
		public ModelReply chat(ModelRole role, ModelPrompt prompt) {
			this.calls.incrementAndGet();
			this.prompts.add(prompt);
			return this.offline.chat(role, prompt, null);
		}
	}

	/** search_memory as memory would answer it: the best similarity per topic (0.1 for anything unknown). */
	static final class Memory extends ToolsClient {

		final Map<String, Double> similarity = new HashMap<>();

		final List<String> searched = new ArrayList<>();

		RuntimeException failure;

		Memory() {
			super(new McpClientProperties(URI.create("http://127.0.0.1:1/mcp"), Duration.ofSeconds(1), Duration.ofSeconds(1), 1,
					Duration.ofMillis(1), Duration.ofMillis(1)));
		}

		@Override
		public List<ToolResults.FoundMemory> searchMemory(ToolCallContext context, String query, MemoryType type, int limit,
				Integer sinceDays, MemoryRanking ranking) {
			if (limit != 1 || sinceDays == null || sinceDays != 7 || ranking != MemoryRanking.SIMILARITY || context.tenant() == null) {
				throw new AssertionError("unexpected search " + query + " limit " + limit + " since " + sinceDays + " " + ranking);
			}
			this.searched.add(query);
			if (this.failure != null) {
				throw this.failure;
			}
			double best = this.similarity.getOrDefault(query, 0.1);
			return List.of(new ToolResults.FoundMemory("m", "a post about " + query, MemoryType.CONVERSATION, 0.6,
					Instant.parse("2026-03-01T00:00:00Z"), Map.of(), best, best));
		}
	}
}
