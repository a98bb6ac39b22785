package tech.aiqem.chimera.memory.config;

import java.net.URI;
import java.time.Clock;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import tech.aiqem.chimera.infra.ChimeraInfraAutoConfiguration;
import tech.aiqem.chimera.memory.MemoryStore;
import tech.aiqem.chimera.memory.Relevance;
import tech.aiqem.chimera.memory.embedding.CachingEmbedder;
import tech.aiqem.chimera.memory.embedding.Embedder;
import tech.aiqem.chimera.memory.embedding.MiniLmEmbedder;
import tech.aiqem.chimera.memory.lucene.LuceneMemoryStore;
import tech.aiqem.chimera.memory.weaviate.VectorSource;
import tech.aiqem.chimera.memory.weaviate.WeaviateMemoryStore;

/**
 * Exposes {@link MemoryStore} (adapter chosen by {@code chimera.memory.store}) to the service that hosts it
 * (mcp-tools). Short-term memory is common-infra's ({@code tech.aiqem.chimera.infra.memory.ShortTermMemory}),
 * so it is not registered here.
 */
@AutoConfiguration(after = ChimeraInfraAutoConfiguration.class)
@EnableConfigurationProperties(MemoryProperties.class)
public class MemoryAutoConfiguration {

	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean
	MemoryStore memoryStore(MemoryProperties properties, Clock clock) {
		Relevance relevance = new Relevance(properties.halfLife(), clock);
		if (properties.store() == MemoryProperties.Store.WEAVIATE) {
			MemoryProperties.Weaviate weaviate = properties.weaviate();
			Embedder embedder = weaviate.vectors() == VectorSource.CLIENT ? embedder() : null;
			return new WeaviateMemoryStore(
					WeaviateMemoryStore.client(URI.create(weaviate.url().trim()), weaviate.apiKey(),
							weaviate.timeoutSeconds()),
					weaviate.vectors(), embedder, weaviate.vectorizer(), relevance);
		}
		MemoryProperties.Embedded embedded = properties.embedded();
		return new LuceneMemoryStore(embedded.directory(), embedder(), relevance, embedded.commitInterval());
	}

	/**
	 * all-MiniLM-L6-v2 behind a cache of recent texts: every task of a campaign searches memory with the
	 * campaign's topic, which is embedded once.
	 */
	private static Embedder embedder() {
		return new CachingEmbedder(new MiniLmEmbedder(), 4096);
	}
}
