package tech.aiqem.chimera.memory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import tech.aiqem.chimera.model.AgentId;
import tech.aiqem.chimera.model.MemoryType;
import tech.aiqem.chimera.model.TenantId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

/**
 * What every {@link MemoryStore} adapter must do; each adapter's test extends this. Ids, instants and texts
 * are fixed so that recorded server responses can answer these exact requests.
 */
public abstract class MemoryStoreContractTests {

	protected static final Instant NOW = Instant.parse("2026-02-06T10:30:00Z");

	protected static final Duration HALF_LIFE = Duration.ofDays(30);

	protected static final TenantId TENANT = TenantId.of("11111111-1111-4111-8111-111111111111");

	protected static final TenantId OTHER_TENANT = TenantId.of("22222222-2222-4222-8222-222222222222");

	protected static final TenantId SILENT_TENANT = TenantId.of("33333333-3333-4333-8333-333333333333");

	protected static final AgentId AGENT = AgentId.of("aaaaaaaa-0000-4000-8000-000000000001");

	protected static final AgentId OTHER_AGENT = AgentId.of("aaaaaaaa-0000-4000-8000-000000000002");

	protected static final String BEACH_TEXT = "Followers loved the sunset photos from the beach in Mombasa.";

	protected static final Memory BEACH = memory(1, TENANT, AGENT, MemoryType.LEARNING, BEACH_TEXT, 0.6, 1,
			Map.of("platform", "instagram", "engagement", "1520", "task_id", "5d1e7a52-29c4-4d8e-9a55-0c5a0c1b2e10"));

	protected static final Memory MONDAY = memory(2, TENANT, AGENT, MemoryType.LEARNING,
			"Engagement drops sharply on Monday mornings.", 0.5, 2, Map.of());

	protected static final Memory CHAT = memory(3, TENANT, AGENT, MemoryType.CONVERSATION,
			"A follower asked where the beach pictures were taken; I said Mombasa.", 0.3, 3,
			Map.of("platform", "twitter"));

	protected static final Memory OTHER_AGENTS_BEACH = memory(4, TENANT, OTHER_AGENT, MemoryType.LEARNING, BEACH_TEXT,
			0.6, 1, Map.of());

	protected static final Memory OTHER_TENANTS_BEACH = memory(5, OTHER_TENANT, AGENT, MemoryType.LEARNING, BEACH_TEXT,
			0.6, 1, Map.of());

	protected static final String STUDIO_TEXT = "Fans asked for more behind-the-scenes videos from the design studio.";

	protected static final Memory OLD_TRIVIAL_STUDIO = memory(6, TENANT, AGENT, MemoryType.LEARNING, STUDIO_TEXT, 0.1,
			90, Map.of());

	protected static final Memory FRESH_VITAL_STUDIO = memory(7, TENANT, AGENT, MemoryType.LEARNING,
			"Fans want more behind the scenes clips from the studio.", 0.9, 1, Map.of());

	protected static final Memory OLD_COFFEE = memory(8, TENANT, AGENT, MemoryType.LEARNING,
			"Our audience loves posts about the traditional coffee ceremony.", 0.5, 40, Map.of());

	protected static final String COFFEE_QUERY = "coffee ceremony posts";

	private MemoryStore store;

	/** A fresh, empty store whose clock reads {@code clock} and whose half-life is {@code halfLife}. */
	protected abstract MemoryStore openStore(Clock clock, Duration halfLife);

	protected MemoryStore store() {
		return this.store;
	}

	@BeforeEach
	protected void open() {
		this.store = openStore(Clock.fixed(NOW, ZoneOffset.UTC), HALF_LIFE);
	}

	@AfterEach
	protected void close() {
		this.store.close();
	}

	@Test
	protected void searchFindsTheAgentsClosestMemoryWithAllItsFields() {
		store().write(TENANT, List.of(BEACH, MONDAY, OTHER_AGENTS_BEACH));
		store().write(OTHER_TENANT, OTHER_TENANTS_BEACH);

		List<ScoredMemory> found = store().search(TENANT,
				MemoryQuery.about("beach sunset pictures").withAgent(AGENT).withLimit(2));

		assertThat(found).isNotEmpty();
		assertThat(found.get(0).memory()).isEqualTo(BEACH);
		assertThat(found).allSatisfy(hit -> {
			assertThat(hit.memory().tenantId()).isEqualTo(TENANT);
			assertThat(hit.memory().agentId()).isEqualTo(AGENT);
		});
		assertThat(found.get(0).similarity()).isGreaterThan(0.5);
	}

	@Test
	protected void aQueryNeverReturnsAnotherTenantsMemoryEvenWithIdenticalText() {
		store().write(TENANT, List.of(BEACH, MONDAY, OTHER_AGENTS_BEACH));
		store().write(OTHER_TENANT, OTHER_TENANTS_BEACH);

		List<ScoredMemory> theirs = store().search(OTHER_TENANT, MemoryQuery.about(BEACH_TEXT).withLimit(10));
		List<ScoredMemory> ours = store().search(TENANT, MemoryQuery.about(BEACH_TEXT).withLimit(10));

		assertThat(theirs).extracting(hit -> hit.memory().id()).containsExactly(OTHER_TENANTS_BEACH.id());
		assertThat(ours).extracting(hit -> hit.memory().id()).doesNotContain(OTHER_TENANTS_BEACH.id());
		assertThat(ours).extracting(hit -> hit.memory().tenantId()).containsOnly(TENANT);
		assertThat(ours).extracting(hit -> hit.memory().id()).contains(BEACH.id(), OTHER_AGENTS_BEACH.id());
	}

	@Test
	protected void typeFilterKeepsOnlyThatKindOfMemory() {
		store().write(TENANT, List.of(BEACH, CHAT));

		List<ScoredMemory> found = store().search(TENANT,
				MemoryQuery.about("beach photos").withAgent(AGENT).withType(MemoryType.CONVERSATION));

		assertThat(found).extracting(hit -> hit.memory().id()).containsExactly(CHAT.id());
	}

	@Test
	protected void recencyAndImportanceWeightingChangeTheRanking() {
		store().write(TENANT, List.of(OLD_TRIVIAL_STUDIO, FRESH_VITAL_STUDIO));
		MemoryQuery query = MemoryQuery.about(STUDIO_TEXT).withAgent(AGENT).withLimit(2);

		List<ScoredMemory> bySimilarity = store().search(TENANT, query.withRanking(MemoryQuery.Ranking.SIMILARITY));
		List<ScoredMemory> weighted = store().search(TENANT, query);

		assertThat(bySimilarity).extracting(hit -> hit.memory().id())
			.containsExactly(OLD_TRIVIAL_STUDIO.id(), FRESH_VITAL_STUDIO.id());
		assertThat(weighted).extracting(hit -> hit.memory().id())
			.containsExactly(FRESH_VITAL_STUDIO.id(), OLD_TRIVIAL_STUDIO.id());
		Relevance relevance = new Relevance(HALF_LIFE, Clock.fixed(NOW, ZoneOffset.UTC));
		assertThat(weighted).allSatisfy(hit -> assertThat(hit.score()).isCloseTo(
				relevance.score(hit.similarity(), hit.memory().timestamp(), hit.memory().importance()),
				within(1e-9)));
		// 90 days = 3 half-lives: an exact match weighs 1 × 1/8 × 0.55
		assertThat(weighted.get(1).score()).isCloseTo(weighted.get(1).similarity() * 0.125 * 0.55, within(1e-6));
	}

	@Test
	protected void bestMatchLooksOnlyAtTheAgentsMemoriesOfThePeriod() {
		store().write(TENANT, List.of(OLD_COFFEE, MONDAY, OTHER_AGENTS_BEACH));

		Optional<ScoredMemory> lastWeek = store().bestMatch(TENANT, AGENT, COFFEE_QUERY, NOW.minus(Duration.ofDays(7)));
		Optional<ScoredMemory> lastTwoMonths = store().bestMatch(TENANT, AGENT, COFFEE_QUERY,
				NOW.minus(Duration.ofDays(60)));

		assertThat(lastTwoMonths).hasValueSatisfying(match -> {
			assertThat(match.memory().id()).isEqualTo(OLD_COFFEE.id());
			assertThat(match.similarity()).isGreaterThan(0.6);
			assertThat(match.score()).isEqualTo(match.similarity());
		});
		assertThat(lastWeek).hasValueSatisfying(match -> {
			assertThat(match.memory().id()).isEqualTo(MONDAY.id());
			assertThat(match.similarity()).isLessThan(0.4);
		});
	}

	@Test
	protected void aTenantThatNeverWroteHasNoMemories() {
		store().write(TENANT, BEACH);

		assertThat(store().search(SILENT_TENANT, MemoryQuery.about(BEACH_TEXT))).isEmpty();
		assertThat(store().bestMatch(SILENT_TENANT, AGENT, BEACH_TEXT, NOW.minus(Duration.ofDays(7)))).isEmpty();
	}

	@Test
	protected void writingAnIdAgainReplacesThatMemory() {
		store().write(TENANT, BEACH);
		Memory edited = new Memory(BEACH.id(), TENANT, AGENT, MemoryType.LEARNING,
				"Followers loved the sunrise photos from the beach in Lamu.", Map.of(), 0.7, NOW);
		store().write(TENANT, edited);

		List<ScoredMemory> found = store().search(TENANT, MemoryQuery.about("beach photos").withLimit(10));

		assertThat(found).extracting(ScoredMemory::memory).containsExactly(edited);
	}

	@Test
	protected void aMemoryCannotBeWrittenIntoAnotherTenant() {
		assertThatIllegalArgumentException().isThrownBy(() -> store().write(TENANT, List.of(BEACH, OTHER_TENANTS_BEACH)))
			.withMessageContaining(OTHER_TENANTS_BEACH.id().toString())
			.withMessageContaining("belongs to tenant " + OTHER_TENANT);
		assertThatIllegalArgumentException().isThrownBy(() -> store().search(null, MemoryQuery.about("x")));
	}

	protected static Memory memory(int n, TenantId tenant, AgentId agent, MemoryType type, String content,
			double importance, int daysAgo, Map<String, String> context) {
		UUID id = UUID.fromString(String.format("00000000-0000-4000-8000-%012d", n));
		return new Memory(id, tenant, agent, type, content, context, importance, NOW.minus(Duration.ofDays(daysAgo)));
	}
}
