package tech.aiqem.chimera.memory;

/**
 * A memory found by a query.
 *
 * @param memory what was remembered
 * @param similarity cosine similarity of query and memory, -1..1
 * @param score what results are ordered by: {@link Relevance#score} for weighted queries, the similarity
 * for {@link MemoryQuery.Ranking#SIMILARITY}
 */
public record ScoredMemory(Memory memory, double similarity, double score) {
}
