package tech.aiqem.chimera.memory.lucene;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;

import tech.aiqem.chimera.memory.Memory;
import tech.aiqem.chimera.memory.MemoryQuery;
import tech.aiqem.chimera.memory.Relevance;
import tech.aiqem.chimera.memory.ScoredMemory;
import tech.aiqem.chimera.memory.SharedEmbedder;
import tech.aiqem.chimera.model.AgentId;
import tech.aiqem.chimera.model.ChimeraJson;
import tech.aiqem.chimera.model.MemoryType;
import tech.aiqem.chimera.model.TenantId;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Retrieval quality with the real model on {@code memory/labelled.json}: paraphrased questions must find
 * the memory that answers them in the top 3 (weighted ranking, as services query), and never a memory of
 * another tenant.
 */
class RetrievalQualityIntegrationTests {

	private static final Instant NOW = Instant.parse("2026-02-06T10:30:00Z");

	@TempDir
	Path directory;

	@Test
	void theRightMemoryIsInTheTopThreeForAtLeastNinetyPercentOfQueries() throws IOException {
		JsonNode labelled;
		try (InputStream in = getClass().getResourceAsStream("/memory/labelled.json")) {
			labelled = ChimeraJson.mapper().readTree(in);
		}
		Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
		try (LuceneMemoryStore store = new LuceneMemoryStore(this.directory, SharedEmbedder.get(),
				new Relevance(Duration.ofDays(30), clock), Duration.ofSeconds(5))) {
			List<Memory> memories = new ArrayList<>();
			for (JsonNode m : labelled.get("memories")) {
				memories.add(new Memory(UUID.fromString(m.get("id").asString()), TenantId.of(m.get("tenant").asString()),
						AgentId.of(m.get("agent").asString()), MemoryType.of(m.get("type").asString()),
						m.get("content").asString(), Map.of(), m.get("importance").asDouble(),
						NOW.minus(Duration.ofDays(m.get("days_ago").asInt()))));
			}
			memories.stream()
				.collect(java.util.stream.Collectors.groupingBy(Memory::tenantId))
				.forEach(store::write);

			int queries = 0;
			int hits = 0;
			List<String> misses = new ArrayList<>();
			for (JsonNode q : labelled.get("queries")) {
				TenantId tenant = TenantId.of(q.get("tenant").asString());
				MemoryQuery query = MemoryQuery.about(q.get("text").asString()).withLimit(3);
				if (q.hasNonNull("agent")) {
					query = query.withAgent(AgentId.of(q.get("agent").asString()));
				}
				List<ScoredMemory> top = store.search(tenant, query);
				assertThat(top).extracting(hit -> hit.memory().tenantId()).containsOnly(tenant);
				queries++;
				UUID expected = UUID.fromString(q.get("expected").asString());
				if (top.stream().anyMatch(hit -> hit.memory().id().equals(expected))) {
					hits++;
				}
				else {
					misses.add(q.get("text").asString() + " -> " + top.stream().map(h -> h.memory().content()).toList());
				}
			}
			double rate = (double) hits / queries;
			System.out.printf("Retrieval quality: %d of %d queries (%.1f %%) have the right memory in the top 3%n", hits,
					queries, rate * 100);
			misses.forEach(miss -> System.out.println("  miss: " + miss));
			assertThat(queries).isGreaterThanOrEqualTo(30);
			assertThat(rate).isGreaterThanOrEqualTo(0.9);
		}
	}
}
