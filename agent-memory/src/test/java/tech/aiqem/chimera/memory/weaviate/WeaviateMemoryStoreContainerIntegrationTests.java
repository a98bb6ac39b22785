package tech.aiqem.chimera.memory.weaviate;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;

import io.weaviate.client.WeaviateClient;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.weaviate.WeaviateContainer;

import tech.aiqem.chimera.memory.MemoryStore;
import tech.aiqem.chimera.memory.MemoryStoreContractTests;
import tech.aiqem.chimera.memory.Relevance;
import tech.aiqem.chimera.memory.SharedEmbedder;

/**
 * The whole contract against a real Weaviate in Docker (bring-your-own-vector mode, so no provider key is
 * needed). Skipped where there is no Docker daemon, as on the build machine; runs on a developer box.
 */
@Testcontainers(disabledWithoutDocker = true)
class WeaviateMemoryStoreContainerIntegrationTests extends MemoryStoreContractTests {

	@Container
	static final WeaviateContainer WEAVIATE = new WeaviateContainer("cr.weaviate.io/semitechnologies/weaviate:1.30.0");

	@Override
	protected MemoryStore openStore(Clock clock, Duration halfLife) {
		WeaviateClient client = WeaviateMemoryStore.client(URI.create("http://" + WEAVIATE.getHttpHostAddress()), null,
				30);
		client.schema().classDeleter().withClassName("AgentMemory").run(); // each test starts empty
		return new WeaviateMemoryStore(client, VectorSource.CLIENT, SharedEmbedder.get(), "text2vec-openai",
				new Relevance(halfLife, clock));
	}
}
