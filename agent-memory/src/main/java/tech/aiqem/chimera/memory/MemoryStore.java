package tech.aiqem.chimera.memory;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import tech.aiqem.chimera.model.AgentId;
import tech.aiqem.chimera.model.TenantId;

/**
 * Semantic long-term memory of agents (agent-memory/README.md). Every call is scoped to one tenant: the tenant is a
 * mandatory parameter, never a filter a caller could forget, and no call returns or overwrites another
 * tenant's memories. Implementations are thread-safe.
 * <p>
 * Failures of the backing store surface as {@code ChimeraException} with {@code E2002} (retry later);
 * invalid arguments as {@link IllegalArgumentException}.
 */
public interface MemoryStore extends AutoCloseable {

	/**
	 * Remembers memories of one tenant (batched: one embedding pass, one index update). Writing an id that
	 * exists in the tenant replaces that memory. A memory is searchable when this returns.
	 * @throws IllegalArgumentException if a memory belongs to another tenant
	 */
	void write(TenantId tenant, List<Memory> memories);

	default void write(TenantId tenant, Memory memory) {
		write(tenant, List.of(memory));
	}

	/** The tenant's memories closest to the query, best first (see {@link Relevance} for the order). */
	List<ScoredMemory> search(TenantId tenant, MemoryQuery query);

	/**
	 * The agent's memory most similar to a text among those formed since an instant, e.g. for the planner
	 * to ask "did this agent cover this topic in the last 7 days?": compare
	 * {@link ScoredMemory#similarity()} with a threshold (0.75 and above reads as "same topic" for
	 * all-MiniLM-L6-v2).
	 */
	default Optional<ScoredMemory> bestMatch(TenantId tenant, AgentId agent, String text, Instant since) {
		MemoryQuery query = MemoryQuery.about(text)
			.withAgent(agent)
			.withSince(since)
			.withLimit(1)
			.withRanking(MemoryQuery.Ranking.SIMILARITY);
		return search(tenant, query).stream().findFirst();
	}

	@Override
	void close();

	/** The check every adapter makes before a write: a memory cannot cross tenants. */
	static void requireSameTenant(TenantId tenant, List<Memory> memories) {
		if (tenant == null) {
			throw new IllegalArgumentException("tenant is required");
		}
		if (memories == null) {
			throw new IllegalArgumentException("memories are required");
		}
		for (Memory memory : memories) {
			if (memory == null) {
				throw new IllegalArgumentException("memories must not contain null");
			}
			if (!memory.tenantId().equals(tenant)) {
				throw new IllegalArgumentException("memory " + memory.id() + " belongs to tenant " + memory.tenantId()
						+ ", not to " + tenant);
			}
		}
	}
}
