package tech.aiqem.chimera.memory.weaviate;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.weaviate.client.WeaviateClient;
import io.weaviate.client.base.Result;
import io.weaviate.client.v1.misc.model.MultiTenancyConfig;
import io.weaviate.client.v1.schema.model.Property;
import io.weaviate.client.v1.schema.model.Tenant;
import io.weaviate.client.v1.schema.model.WeaviateClass;
import io.weaviate.client.v1.schema.model.WeaviateClass.WeaviateClassBuilder;

import tech.aiqem.chimera.memory.Memory;
import tech.aiqem.chimera.model.TenantId;

/**
 * The {@code AgentMemory} class (agent-memory/README.md) with multi-tenancy on, one Weaviate tenant per Chimera tenant
 * (named by the tenant's UUID). Class and tenants are created on first use and remembered, so the steady
 * state costs no schema calls. Creating what another process created meanwhile is not an error.
 */
final class AgentMemorySchema {

	static final String CLASS = "AgentMemory";

	private final WeaviateClient client;

	private final VectorSource vectors;

	private final String vectorizer;

	private final Set<String> knownTenants = ConcurrentHashMap.newKeySet();

	private volatile boolean classReady;

	AgentMemorySchema(WeaviateClient client, VectorSource vectors, String vectorizer) {
		this.client = client;
		this.vectors = vectors;
		this.vectorizer = vectorizer;
	}

	void ensureTenant(TenantId tenant) {
		ensureClass();
		String name = tenant.toString();
		if (this.knownTenants.contains(name)) {
			return;
		}
		Result<Boolean> created = this.client.schema()
			.tenantsCreator()
			.withClassName(CLASS)
			.withTenants(Tenant.builder().name(name).build())
			.run();
		if (created.hasErrors() && !WeaviateFailures.says(created, "already exist")) {
			throw WeaviateFailures.of("add tenant to " + CLASS, created);
		}
		this.knownTenants.add(name);
	}

	private void ensureClass() {
		if (this.classReady) {
			return;
		}
		synchronized (this) {
			if (this.classReady) {
				return;
			}
			Result<Boolean> exists = this.client.schema().exists().withClassName(CLASS).run();
			if (exists.hasErrors()) {
				throw WeaviateFailures.of("read class " + CLASS, exists);
			}
			if (!Boolean.TRUE.equals(exists.getResult())) {
				Result<Boolean> created = this.client.schema().classCreator().withClass(definition()).run();
				if (created.hasErrors() && !WeaviateFailures.says(created, "already exists")) {
					throw WeaviateFailures.of("create class " + CLASS, created);
				}
			}
			this.classReady = true;
		}
	}

	WeaviateClass definition() {
		boolean server = this.vectors == VectorSource.SERVER;
		WeaviateClassBuilder builder = WeaviateClass.builder()
			.className(CLASS)
			.description("Semantic memory for agent interactions and learnings")
			.vectorizer(server ? this.vectorizer : "none")
			.multiTenancyConfig(MultiTenancyConfig.builder().enabled(true).autoTenantCreation(false).build())
			.properties(List.of(
					filterable("agentId", "UUID of the agent"),
					filterable("memoryType", "conversation, learning, persona_update"),
					Property.builder()
						.name("content")
						.dataType(List.of("text"))
						.description("The actual memory content")
						.build(),
					Property.builder()
						.name("context")
						.dataType(List.of("object"))
						.description("Metadata like platform, engagement, task id")
						.nestedProperties(Memory.CONTEXT_KEYS.stream()
							.sorted()
							.map(key -> Property.NestedProperty.builder().name(key).dataType(List.of("text")).build())
							.toList())
						.moduleConfig(server ? skip() : null)
						.build(),
					Property.builder()
						.name("importance")
						.dataType(List.of("number"))
						.description("Relevance score 0.0 to 1.0")
						.build(),
					Property.builder()
						.name("timestamp")
						.dataType(List.of("date"))
						.description("When memory was created")
						.build()));
		if (server) {
			// only the content should shape the vector, not the class name or ids
			builder.moduleConfig(Map.of(this.vectorizer, Map.of("vectorizeClassName", false)));
		}
		return builder.build();
	}

	private Property filterable(String name, String description) {
		return Property.builder()
			.name(name)
			.dataType(List.of("text"))
			.description(description)
			.tokenization("field") // exact match of the whole value, not word pieces of a UUID
			.indexFilterable(true)
			.moduleConfig(this.vectors == VectorSource.SERVER ? skip() : null)
			.build();
	}

	private Map<String, Object> skip() {
		return Map.of(this.vectorizer, Map.of("skip", true));
	}
}
