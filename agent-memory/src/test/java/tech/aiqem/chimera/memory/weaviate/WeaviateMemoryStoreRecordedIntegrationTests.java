package tech.aiqem.chimera.memory.weaviate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import tech.aiqem.chimera.memory.MemoryQuery;
import tech.aiqem.chimera.memory.MemoryStore;
import tech.aiqem.chimera.memory.MemoryStoreContractTests;
import tech.aiqem.chimera.memory.Relevance;
import tech.aiqem.chimera.model.MemoryType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Weaviate store (server-side vectors, nearText) against recorded Weaviate responses on a local HTTP
 * server: the contract where a recording can answer it, plus the requests the adapter makes.
 */
class WeaviateMemoryStoreRecordedIntegrationTests extends MemoryStoreContractTests {

	private MockWebServer server;

	private RecordedWeaviate weaviate;

	@Override
	protected MemoryStore openStore(Clock clock, Duration halfLife) {
		this.weaviate = new RecordedWeaviate()
			.answer("beach_sunset_pictures_agent.json", tenant(TENANT), concepts("beach sunset pictures"),
					agentFilter())
			.answer("beach_text_other_tenant.json", tenant(OTHER_TENANT), concepts(BEACH_TEXT))
			.answer("beach_text_tenant.json", tenant(TENANT), concepts(BEACH_TEXT))
			.answer("beach_photos_agent_conversation.json", tenant(TENANT), concepts("beach photos"), agentFilter(),
					"valueText:\"conversation\"")
			.answer("studio_text_agent.json", tenant(TENANT), concepts(STUDIO_TEXT), agentFilter())
			.answer("coffee_agent_since_7_days.json", tenant(TENANT), concepts(COFFEE_QUERY), agentFilter(),
					"valueDate:\"2026-01")
			.answer("coffee_agent_since_60_days.json", tenant(TENANT), concepts(COFFEE_QUERY), agentFilter(),
					"valueDate:\"2025-12")
			.answer("error_tenant_not_found_constructed.json", tenant(SILENT_TENANT));
		this.server = new MockWebServer();
		this.server.setDispatcher(this.weaviate);
		try {
			this.server.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return new WeaviateMemoryStore(
				WeaviateMemoryStore.client(URI.create(this.server.url("/").toString()), "test-api-key", 5),
				VectorSource.SERVER, null, "text2vec-openai", new Relevance(halfLife, clock));
	}

	@AfterEach
	void stopServer() throws IOException {
		this.server.shutdown();
	}

	@Override
	@Test
	@Disabled("a recorded server answers the same to the same query; replacement is Weaviate's upsert by id, "
			+ "covered against a real Weaviate by WeaviateMemoryStoreContainerIntegrationTests")
	protected void writingAnIdAgainReplacesThatMemory() {
	}

	@Test
	void callsReuseTheirConnections() {
		store().write(TENANT, List.of(BEACH, MONDAY));
		store().search(TENANT, MemoryQuery.about(BEACH_TEXT).withLimit(10));
		store().search(TENANT, MemoryQuery.about(BEACH_TEXT).withLimit(10));

		List<RecordedWeaviate.Exchange> exchanges = this.weaviate.exchanges();
		assertThat(exchanges).hasSizeGreaterThanOrEqualTo(4);
		// one call after another: each but the first goes over the connection the one before used
		assertThat(exchanges.stream().filter(e -> e.onConnection() == 0)).as("connections opened").hasSize(1);
	}

	@Test
	void theFirstWriteCreatesTheClassAndTheTenantThenBatchesIntoTheTenant() {
		store().write(TENANT, List.of(BEACH, MONDAY));
		store().write(TENANT, CHAT);

		assertThat(this.weaviate.exchanges("POST", "/v1/schema")).hasSize(1);
		JsonNode schema = this.weaviate.exchanges("POST", "/v1/schema").get(0).json();
		assertThat(schema.get("class").asString()).isEqualTo("AgentMemory");
		assertThat(schema.get("vectorizer").asString()).isEqualTo("text2vec-openai");
		assertThat(schema.at("/multiTenancyConfig/enabled").asBoolean()).isTrue();
		assertThat(schema.at("/moduleConfig/text2vec-openai/vectorizeClassName").asBoolean(true)).isFalse();
		assertThat(schema.get("properties")).extracting(p -> p.get("name").asString() + ":" + p.at("/dataType/0").asString())
			.containsExactly("agentId:text", "memoryType:text", "content:text", "context:object", "importance:number",
					"timestamp:date");
		JsonNode agentId = schema.at("/properties/0");
		assertThat(agentId.get("indexFilterable").asBoolean()).isTrue();
		assertThat(agentId.get("tokenization").asString()).isEqualTo("field");
		assertThat(agentId.at("/moduleConfig/text2vec-openai/skip").asBoolean()).isTrue();
		assertThat(schema.at("/properties/3/nestedProperties")).extracting(p -> p.get("name").asString())
			.containsExactly("campaign_id", "engagement", "platform", "post_id", "source", "task_id");

		List<RecordedWeaviate.Exchange> tenants = this.weaviate.exchanges("POST", "/v1/schema/AgentMemory/tenants");
		assertThat(tenants).hasSize(1);
		assertThat(tenants.get(0).json().at("/0/name").asString()).isEqualTo(TENANT.toString());

		List<RecordedWeaviate.Exchange> batches = this.weaviate.exchanges("POST", "/v1/batch/objects");
		assertThat(batches).hasSize(2);
		JsonNode first = batches.get(0).json().at("/objects/0");
		assertThat(first.get("class").asString()).isEqualTo("AgentMemory");
		assertThat(first.get("id").asString()).isEqualTo(BEACH.id().toString());
		assertThat(first.get("tenant").asString()).isEqualTo(TENANT.toString());
		assertThat(first.has("vector")).as("server-side vectors: none sent").isFalse();
		assertThat(first.at("/properties/agentId").asString()).isEqualTo(AGENT.toString());
		assertThat(first.at("/properties/memoryType").asString()).isEqualTo("learning");
		assertThat(first.at("/properties/content").asString()).isEqualTo(BEACH_TEXT);
		assertThat(first.at("/properties/context/platform").asString()).isEqualTo("instagram");
		assertThat(first.at("/properties/importance").asDouble()).isEqualTo(0.6);
		assertThat(first.at("/properties/timestamp").asString()).isEqualTo("2026-02-05T10:30:00Z");
		assertThat(this.weaviate.exchanges()).allSatisfy(
				exchange -> assertThat(exchange.authorization()).isEqualTo("Bearer test-api-key"));
	}

	@Test
	void aFilteredQueryRunsInTheTenantWithNearTextAndAWhereFilter() {
		store().search(TENANT, MemoryQuery.about("beach photos").withAgent(AGENT).withType(MemoryType.CONVERSATION));

		String query = this.weaviate.exchanges("POST", "/v1/graphql").get(0).query();
		assertThat(query).contains("AgentMemory(", tenant(TENANT), "nearText:{concepts:[\"beach photos\"]}",
				"limit:40", "operator:And", "path:[\"agentId\"]", "operator:Equal", agentFilter(),
				"path:[\"memoryType\"]", "valueText:\"conversation\"", "_additional{id distance}",
				"context{campaign_id engagement platform post_id source task_id}");
		assertThat(query).doesNotContain("nearVector");
	}

	static String tenant(tech.aiqem.chimera.model.TenantId tenant) {
		return "tenant:\"" + tenant + "\"";
	}

	static String concepts(String text) {
		return "concepts:[\"" + text + "\"]";
	}

	static String agentFilter() {
		return "valueText:\"" + AGENT + "\"";
	}
}
