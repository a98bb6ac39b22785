package tech.aiqem.chimera.memory.lucene;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tech.aiqem.chimera.memory.Memory;
import tech.aiqem.chimera.memory.MemoryQuery;
import tech.aiqem.chimera.memory.MemoryStore;
import tech.aiqem.chimera.memory.MemoryStoreContractTests;
import tech.aiqem.chimera.memory.Relevance;
import tech.aiqem.chimera.memory.ScoredMemory;
import tech.aiqem.chimera.memory.SharedEmbedder;
import tech.aiqem.chimera.model.MemoryType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** The embedded store against the real model and a real Lucene index in a temporary directory. */
class LuceneMemoryStoreIntegrationTests extends MemoryStoreContractTests {

	@TempDir
	Path directory;

	@Override
	protected MemoryStore openStore(Clock clock, Duration halfLife) {
		return new LuceneMemoryStore(this.directory.resolve("index"), SharedEmbedder.get(),
				new Relevance(halfLife, clock), Duration.ofSeconds(5));
	}

	@Test
	void memoriesSurviveARestart() {
		store().write(TENANT, List.of(BEACH, MONDAY, CHAT));
		store().close();

		try (MemoryStore reopened = openStore(Clock.fixed(NOW, ZoneOffset.UTC), HALF_LIFE)) {
			List<ScoredMemory> found = reopened.search(TENANT, MemoryQuery.about("sunset at the beach").withAgent(AGENT));

			assertThat(found).extracting(ScoredMemory::memory).startsWith(BEACH).contains(MONDAY, CHAT);
			assertThat(((LuceneMemoryStore) reopened).size()).isEqualTo(3);
		}
		open(); // the contract's @AfterEach closes the store again
	}

	@Test
	void aSecondStoreCannotOpenTheSameDirectory() {
		assertThatIllegalStateException()
			.isThrownBy(() -> openStore(Clock.fixed(NOW, ZoneOffset.UTC), HALF_LIFE))
			.withMessageContaining("is open in another store or process");
	}

	@Test
	void concurrentWritersAndReadersSeeEveryWrite() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			List<Future<?>> tasks = new ArrayList<>();
			for (int writer = 0; writer < 4; writer++) {
				int w = writer;
				tasks.add(pool.submit(() -> {
					for (int i = 0; i < 5; i++) {
						Memory memory = memory(100 + w * 10 + i, TENANT, AGENT, MemoryType.CONVERSATION,
								"Writer " + w + " remembers note number " + i + " about studio lighting.", 0.5, 0,
								Map.of());
						store().write(TENANT, memory);
						// read-your-writes: visible as soon as write returns, from any thread
						assertThat(store().search(TENANT, MemoryQuery.about(memory.content()).withLimit(1)))
							.extracting(hit -> hit.memory().id())
							.containsExactly(memory.id());
					}
				}));
			}
			for (Future<?> task : tasks) {
				task.get();
			}
		}
		finally {
			pool.shutdown();
		}
		assertThat(((LuceneMemoryStore) store()).size()).isEqualTo(20);
	}
}
