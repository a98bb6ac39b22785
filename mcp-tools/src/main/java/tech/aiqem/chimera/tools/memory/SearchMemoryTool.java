package tech.aiqem.chimera.tools.memory;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;

import tech.aiqem.chimera.memory.Memory;
import tech.aiqem.chimera.memory.MemoryQuery;
import tech.aiqem.chimera.memory.MemoryStore;
import tech.aiqem.chimera.memory.ScoredMemory;
import tech.aiqem.chimera.model.ChimeraException;
import tech.aiqem.chimera.model.MemoryType;
import tech.aiqem.chimera.tools.agent.AgentDirectory;
import tech.aiqem.chimera.tools.mcp.Arguments;
import tech.aiqem.chimera.tools.mcp.CallContext;

/**
 * The {@code search_memory} tool: the calling agent's memories closest to a query, best first. Only that
 * agent's memories in its tenant are searched; {@code since_days} counts on the shared (possibly scaled)
 * clock, like the timestamps {@code remember} gives.
 */
@Component
public class SearchMemoryTool {

	public static final String NAME = "search_memory";

	static final int MAX_QUERY = 2000;

	private final MemoryStore store;

	private final AgentDirectory agents;

	private final Clock clock;

	SearchMemoryTool(MemoryStore store, AgentDirectory agents, Clock clock) {
		this.store = store;
		this.agents = agents;
		this.clock = clock;
	}

	public Map<String, Object> call(CallContext context, Map<String, Object> arguments) {
		Arguments args = new Arguments(NAME, arguments);
		String text = MemoryArguments.text(NAME, args, "query", MAX_QUERY);
		MemoryType type = args.optionalEnum("memory_type", MemoryType::of, null);
		int limit = MemoryArguments.integer(NAME, arguments, "limit", 5, 1, 20);
		Integer sinceDays = arguments == null || arguments.get("since_days") == null ? null
				: MemoryArguments.integer(NAME, arguments, "since_days", 0, 1, 3650);
		MemoryQuery.Ranking ranking = args.optionalEnum("rank_by", SearchMemoryTool::ranking, MemoryQuery.Ranking.WEIGHTED);
		MemoryOwner owner = MemoryOwner.of(NAME, context, this.agents);

		MemoryQuery query = MemoryQuery.about(text).withAgent(owner.agent()).withType(type).withLimit(limit).withRanking(ranking);
		if (sinceDays != null) {
			query = query.withSince(this.clock.instant().minus(Duration.ofDays(sinceDays)));
		}
		List<ScoredMemory> found;
		try {
			found = this.store.search(owner.tenant(), query);
		}
		catch (ChimeraException ex) {
			throw MemoryArguments.unavailable(NAME, ex);
		}
		List<Map<String, Object>> memories = new ArrayList<>();
		for (ScoredMemory scored : found) {
			memories.add(describe(scored));
		}
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("memories", memories);
		return result;
	}

	private static Map<String, Object> describe(ScoredMemory scored) {
		Memory memory = scored.memory();
		Map<String, Object> item = new LinkedHashMap<>();
		item.put("id", memory.id().toString());
		item.put("content", memory.content());
		item.put("memory_type", memory.type().wire());
		item.put("importance", memory.importance());
		item.put("timestamp", memory.timestamp().toString());
		item.put("context", memory.context());
		item.put("similarity", round(scored.similarity()));
		item.put("score", round(scored.score()));
		return item;
	}

	private static double round(double value) {
		return Math.round(value * 1_000_000d) / 1_000_000d;
	}

	private static MemoryQuery.Ranking ranking(String value) {
		return switch (value.strip().toLowerCase(Locale.ROOT)) {
			case "relevance" -> MemoryQuery.Ranking.WEIGHTED;
			case "similarity" -> MemoryQuery.Ranking.SIMILARITY;
			default -> throw new IllegalArgumentException("'" + value + "' is not a ranking; expected relevance or similarity");
		};
	}
}
