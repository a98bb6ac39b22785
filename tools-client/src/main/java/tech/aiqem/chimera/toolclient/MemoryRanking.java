package tech.aiqem.chimera.toolclient;

import tech.aiqem.chimera.model.WireEnum;

/** How {@code search_memory} orders what it finds (its {@code rank_by} argument). */
public enum MemoryRanking implements WireEnum {

	/** Similarity weighted by recency and importance: what to put in front of a model. */
	RELEVANCE("relevance"),

	/** Cosine similarity alone: to ask "was this covered?" against a threshold. */
	SIMILARITY("similarity");

	private final String wire;

	MemoryRanking(String wire) {
		this.wire = wire;
	}

	@Override
	public String wire() {
		return this.wire;
	}
}
