package tech.aiqem.chimera.memory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * How both stores order memories. For a {@link MemoryQuery.Ranking#WEIGHTED} query:
 *
 * <pre>
 * score = max(0, cosine similarity) × 0.5^(age / halfLife) × (0.5 + 0.5 × importance)
 * </pre>
 *
 * where age is the time since the memory's timestamp (0 for a timestamp in the future). A memory one
 * half-life old counts half as much as a fresh one; an unimportant memory half as much as a vital one.
 * The vector index finds candidates by similarity alone ({@link #candidates(MemoryQuery)} of them, more
 * than asked for), which are then re-ranked by the score: a weighted query can therefore only promote a
 * memory that is among the nearest candidates, which is what we want (weighting breaks ties between
 * relevant memories, it does not surface irrelevant recent ones).
 */
public final class Relevance {

	/** Candidates fetched per result asked for, and at least this many, for weighted queries. */
	static final int OVERSAMPLE = 4;

	static final int MIN_CANDIDATES = 40;

	private final Duration halfLife;

	private final Clock clock;

	public Relevance(Duration halfLife, Clock clock) {
		if (halfLife == null || halfLife.isZero() || halfLife.isNegative()) {
			throw new IllegalArgumentException("half-life must be positive, got " + halfLife);
		}
		this.halfLife = halfLife;
		this.clock = clock;
	}

	public Duration halfLife() {
		return this.halfLife;
	}

	public Instant now() {
		return this.clock.instant();
	}

	/** How many nearest neighbours to fetch from the index for a query. */
	public int candidates(MemoryQuery query) {
		if (query.ranking() == MemoryQuery.Ranking.SIMILARITY) {
			return query.limit();
		}
		return Math.max(query.limit() * OVERSAMPLE, MIN_CANDIDATES);
	}

	public double score(double similarity, Instant timestamp, double importance) {
		double ageMillis = Math.max(0, Duration.between(timestamp, now()).toMillis());
		double decay = Math.pow(0.5, ageMillis / this.halfLife.toMillis());
		return Math.max(0, similarity) * decay * (0.5 + 0.5 * importance);
	}

	/**
	 * Orders candidates for a query and keeps its limit.
	 * @param candidates memories with their similarity (the score is ignored)
	 */
	public List<ScoredMemory> rank(List<ScoredMemory> candidates, MemoryQuery query) {
		boolean weighted = query.ranking() == MemoryQuery.Ranking.WEIGHTED;
		return candidates.stream()
			.map(c -> new ScoredMemory(c.memory(), c.similarity(),
					weighted ? score(c.similarity(), c.memory().timestamp(), c.memory().importance())
							: c.similarity()))
			.sorted(Comparator.comparingDouble(ScoredMemory::score)
				.reversed()
				.thenComparing(c -> c.memory().id()))
			.limit(query.limit())
			.toList();
	}
}
