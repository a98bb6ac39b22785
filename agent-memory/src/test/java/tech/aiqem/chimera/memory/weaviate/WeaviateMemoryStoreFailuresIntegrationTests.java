package tech.aiqem.chimera.memory.weaviate;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import tech.aiqem.chimera.memory.Memory;
import tech.aiqem.chimera.memory.MemoryQuery;
import tech.aiqem.chimera.memory.Relevance;
import tech.aiqem.chimera.memory.SharedEmbedder;
import tech.aiqem.chimera.model.AgentId;
import tech.aiqem.chimera.model.ChimeraException;
import tech.aiqem.chimera.model.ErrorCode;
import tech.aiqem.chimera.model.MemoryType;
import tech.aiqem.chimera.model.TenantId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** Bring-your-own-vector requests and how Weaviate's errors reach callers, against recorded responses. */
class WeaviateMemoryStoreFailuresIntegrationTests {

	private static final Instant NOW = Instant.parse("2026-02-06T10:30:00Z");

	private static final TenantId TENANT = TenantId.of("11111111-1111-4111-8111-111111111111");

	private static final AgentId AGENT = AgentId.of("aaaaaaaa-0000-4000-8000-000000000001");

	private static final Memory BEACH = new Memory(UUID.fromString("00000000-0000-4000-8000-000000000001"), TENANT,
			AGENT, MemoryType.LEARNING, "Followers loved the sunset photos from the beach in Mombasa.", Map.of(), 0.6,
			NOW.minus(Duration.ofDays(1)));

	private static final Memory MONDAY = new Memory(UUID.fromString("00000000-0000-4000-8000-000000000002"), TENANT,
			AGENT, MemoryType.LEARNING, "Engagement drops sharply on Monday mornings.", Map.of(), 0.5,
			NOW.minus(Duration.ofDays(2)));

	private final Relevance relevance = new Relevance(Duration.ofDays(30), Clock.fixed(NOW, ZoneOffset.UTC));

	private MockWebServer server;

	private RecordedWeaviate weaviate;

	@BeforeEach
	void start() throws IOException {
		this.weaviate = new RecordedWeaviate();
		this.server = new MockWebServer();
		this.server.setDispatcher(this.weaviate);
		this.server.start();
	}

	@AfterEach
	void stop() throws IOException {
		this.server.shutdown();
	}

	@Test
	void clientSideVectorsGoWithObjectsAndQueriesUseNearVector() {
		this.weaviate.answer("beach_sunset_pictures_agent.json", "tenant:\"" + TENANT + "\"", "nearVector:{vector:[");
		WeaviateMemoryStore store = store(VectorSource.CLIENT);

		store.write(TENANT, List.of(BEACH, MONDAY));
		var found = store.search(TENANT, MemoryQuery.about("beach sunset pictures").withAgent(AGENT));

		JsonNode schema = this.weaviate.exchanges("POST", "/v1/schema").get(0).json();
		assertThat(schema.get("vectorizer").asString()).isEqualTo("none");
		assertThat(schema.has("moduleConfig")).isFalse();
		JsonNode object = this.weaviate.exchanges("POST", "/v1/batch/objects").get(0).json().at("/objects/0");
		assertThat(object.get("vector")).hasSize(384);
		float[] expected = SharedEmbedder.get().embed(BEACH.content());
		assertThat(object.at("/vector/0").floatValue()).isEqualTo(expected[0]);
		String query = this.weaviate.exchanges("POST", "/v1/graphql").get(0).query();
		assertThat(query).contains("nearVector:{vector:[").doesNotContain("nearText");
		assertThat(found.get(0).memory()).isEqualTo(new Memory(BEACH.id(), TENANT, AGENT, MemoryType.LEARNING,
				BEACH.content(), Map.of("platform", "instagram", "engagement", "1520", "task_id",
						"5d1e7a52-29c4-4d8e-9a55-0c5a0c1b2e10"),
				0.6, BEACH.timestamp()));
		assertThat(found.get(0).similarity()).isCloseTo(0.7280697, org.assertj.core.api.Assertions.within(1e-6));
	}

	@Test
	void objectsWeaviateRejectedInABatchAreReported() {
		this.weaviate.override("POST", "/v1/batch/objects", 200, "batch_objects_partial_failure_200.json");

		assertThatIllegalStateException().isThrownBy(() -> store(VectorSource.SERVER).write(TENANT, List.of(BEACH, MONDAY)))
			.withMessageContaining("could not write 1 of 2 memories")
			.withMessageContaining("memory " + MONDAY.id() + ": invalid number property 'importance'");
	}

	@Test
	void aRejectedTenantIsAClientErrorWithWeaviatesMessage() {
		this.weaviate.override("POST", "/v1/schema/AgentMemory/tenants", 422, "error_422.json");

		assertThatIllegalStateException().isThrownBy(() -> store(VectorSource.SERVER).write(TENANT, BEACH))
			.withMessageContaining("HTTP 422")
			.withMessageContaining("is not valid");
	}

	@Test
	void aGraphQlErrorIsReportedNotTakenForNoResults() {
		this.weaviate.answer("error_resolver.json", "tenant:\"" + TENANT + "\"");

		assertThatIllegalStateException()
			.isThrownBy(() -> store(VectorSource.SERVER).search(TENANT, MemoryQuery.about("anything")))
			.withMessageContaining("example resolver error message");
	}

	@Test
	void aFailingServerIsRetryableE2002() {
		this.weaviate.override("POST", "/v1/graphql", 503, "error_422.json");

		assertThatExceptionOfType(ChimeraException.class)
			.isThrownBy(() -> store(VectorSource.SERVER).search(TENANT, MemoryQuery.about("anything")))
			.satisfies(ex -> assertThat(ex.code()).isEqualTo(ErrorCode.E2002))
			.withMessageContaining("HTTP 503");
	}

	@Test
	void anUnreachableServerIsRetryableE2002() throws IOException {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		WeaviateMemoryStore store = new WeaviateMemoryStore(
				WeaviateMemoryStore.client(URI.create("http://127.0.0.1:" + closedPort), null, 2), VectorSource.SERVER,
				null, "text2vec-openai", this.relevance);

		assertThatExceptionOfType(ChimeraException.class).isThrownBy(() -> store.write(TENANT, BEACH))
			.satisfies(ex -> assertThat(ex.code()).isEqualTo(ErrorCode.E2002));
		assertThatExceptionOfType(ChimeraException.class)
			.isThrownBy(() -> store.search(TENANT, MemoryQuery.about("anything")))
			.satisfies(ex -> assertThat(ex.code()).isEqualTo(ErrorCode.E2002));
	}

	@Test
	void badUrlsAndMissingEmbedderAreRejectedUpFront() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> WeaviateMemoryStore.client(URI.create("ftp://weaviate:21"), null, 5))
			.withMessageContaining("http or https");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new WeaviateMemoryStore(WeaviateMemoryStore.client(URI.create("http://localhost:8080"),
					null, 5), VectorSource.CLIENT, null, "text2vec-openai", this.relevance))
			.withMessageContaining("needs an embedder");
	}

	private WeaviateMemoryStore store(VectorSource vectors) {
		return new WeaviateMemoryStore(
				WeaviateMemoryStore.client(URI.create(this.server.url("/").toString()), null, 5), vectors,
				vectors == VectorSource.CLIENT ? SharedEmbedder.get() : null, "text2vec-openai", this.relevance);
	}
}
