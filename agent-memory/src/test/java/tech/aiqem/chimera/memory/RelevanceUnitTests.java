package tech.aiqem.chimera.memory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import tech.aiqem.chimera.model.AgentId;
import tech.aiqem.chimera.model.MemoryType;
import tech.aiqem.chimera.model.TenantId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

class RelevanceUnitTests {

	private static final Instant NOW = Instant.parse("2026-02-06T10:30:00Z");

	private final Relevance relevance = new Relevance(Duration.ofDays(30), Clock.fixed(NOW, ZoneOffset.UTC));

	@Test
	void scoreIsSimilarityTimesRecencyDecayTimesImportanceWeight() {
		assertThat(this.relevance.score(0.8, NOW, 1.0)).isCloseTo(0.8, within(1e-12));
		assertThat(this.relevance.score(0.8, NOW, 0.0)).isCloseTo(0.4, within(1e-12));
		assertThat(this.relevance.score(0.8, NOW.minus(Duration.ofDays(30)), 1.0)).isCloseTo(0.4, within(1e-12));
		assertThat(this.relevance.score(0.8, NOW.minus(Duration.ofDays(60)), 0.5)).isCloseTo(0.8 * 0.25 * 0.75,
				within(1e-12));
		assertThat(this.relevance.score(0.8, NOW.plus(Duration.ofDays(1)), 1.0)).isCloseTo(0.8, within(1e-12));
		assertThat(this.relevance.score(-0.3, NOW, 1.0)).isZero();
	}

	@Test
	void importanceBreaksATieBetweenEquallySimilarMemoriesOfTheSameAge() {
		ScoredMemory minor = candidate(0.1, NOW, 0.7);
		ScoredMemory major = candidate(0.9, NOW, 0.7);

		List<ScoredMemory> ranked = this.relevance.rank(List.of(minor, major), MemoryQuery.about("x"));

		assertThat(ranked).extracting(ScoredMemory::memory).containsExactly(major.memory(), minor.memory());
	}

	@Test
	void rankingBySimilarityIgnoresAgeAndImportanceAndKeepsTheLimit() {
		ScoredMemory oldButClose = candidate(0.0, NOW.minus(Duration.ofDays(365)), 0.9);
		ScoredMemory freshButFar = candidate(1.0, NOW, 0.5);
		ScoredMemory third = candidate(1.0, NOW, 0.1);
		MemoryQuery query = MemoryQuery.about("x").withLimit(2).withRanking(MemoryQuery.Ranking.SIMILARITY);

		List<ScoredMemory> ranked = this.relevance.rank(List.of(freshButFar, oldButClose, third), query);

		assertThat(ranked).extracting(ScoredMemory::memory).containsExactly(oldButClose.memory(), freshButFar.memory());
		assertThat(ranked.get(0).score()).isEqualTo(0.9);
	}

	@Test
	void weightedQueriesFetchMoreCandidatesThanTheyReturn() {
		assertThat(this.relevance.candidates(MemoryQuery.about("x").withLimit(10))).isEqualTo(40);
		assertThat(this.relevance.candidates(MemoryQuery.about("x").withLimit(50))).isEqualTo(200);
		assertThat(this.relevance.candidates(
				MemoryQuery.about("x").withLimit(3).withRanking(MemoryQuery.Ranking.SIMILARITY))).isEqualTo(3);
	}

	@Test
	void halfLifeMustBePositive() {
		assertThatIllegalArgumentException().isThrownBy(() -> new Relevance(Duration.ZERO, Clock.systemUTC()))
			.withMessageContaining("half-life must be positive");
	}

	private static ScoredMemory candidate(double importance, Instant at, double similarity) {
		Memory memory = new Memory(UUID.randomUUID(), TenantId.random(), AgentId.random(), MemoryType.LEARNING, "text",
				Map.of(), importance, at);
		return new ScoredMemory(memory, similarity, 0);
	}
}
