package tech.aiqem.chimera.memory;

import java.time.Instant;

import tech.aiqem.chimera.model.AgentId;
import tech.aiqem.chimera.model.MemoryType;

/**
 * What to look for; the tenant is not part of it but a parameter of every {@link MemoryStore} call, so it
 * cannot be left out. Build with {@link #about(String)} and the {@code with...} methods.
 *
 * @param text searched by meaning
 * @param agentId only this agent's memories, or null for every agent of the tenant
 * @param type only this kind of memory, or null for all
 * @param since only memories formed at or after this instant, or null for all
 * @param limit how many to return, 1..{@value #MAX_LIMIT}
 * @param ranking weighted by recency and importance (the default) or by similarity alone
 */
public record MemoryQuery(String text, AgentId agentId, MemoryType type, Instant since, int limit, Ranking ranking) {

	public static final int MAX_LIMIT = 100;

	public enum Ranking {

		/** {@link Relevance#score}: similarity × recency decay × importance weight. */
		WEIGHTED,

		/** Cosine similarity only, e.g. to ask whether a topic was covered at all. */
		SIMILARITY
	}

	public MemoryQuery {
		if (text == null || text.isBlank()) {
			throw new IllegalArgumentException("query text is required and must not be blank");
		}
		if (limit < 1 || limit > MAX_LIMIT) {
			throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", got " + limit);
		}
		if (ranking == null) {
			ranking = Ranking.WEIGHTED;
		}
	}

	/** Top 5 memories of every agent and type, weighted. */
	public static MemoryQuery about(String text) {
		return new MemoryQuery(text, null, null, null, 5, Ranking.WEIGHTED);
	}

	public MemoryQuery withAgent(AgentId agent) {
		return new MemoryQuery(this.text, agent, this.type, this.since, this.limit, this.ranking);
	}

	public MemoryQuery withType(MemoryType memoryType) {
		return new MemoryQuery(this.text, this.agentId, memoryType, this.since, this.limit, this.ranking);
	}

	public MemoryQuery withSince(Instant instant) {
		return new MemoryQuery(this.text, this.agentId, this.type, instant, this.limit, this.ranking);
	}

	public MemoryQuery withLimit(int top) {
		return new MemoryQuery(this.text, this.agentId, this.type, this.since, top, this.ranking);
	}

	public MemoryQuery withRanking(Ranking order) {
		return new MemoryQuery(this.text, this.agentId, this.type, this.since, this.limit, order);
	}
}
