package tech.aiqem.chimera.memory.weaviate;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.weaviate.client.v1.data.model.WeaviateObject;
import io.weaviate.client.v1.filters.Operator;
import io.weaviate.client.v1.filters.WhereFilter;
import io.weaviate.client.v1.graphql.query.argument.WhereArgument;
import io.weaviate.client.v1.graphql.query.fields.Field;

import tech.aiqem.chimera.memory.Memory;
import tech.aiqem.chimera.memory.MemoryQuery;
import tech.aiqem.chimera.memory.ScoredMemory;
import tech.aiqem.chimera.model.AgentId;
import tech.aiqem.chimera.model.MemoryType;
import tech.aiqem.chimera.model.TenantId;

/** Mapping between {@link Memory} and {@code AgentMemory} objects, filters and GraphQL results. */
final class AgentMemoryObjects {

	private AgentMemoryObjects() {
	}

	static WeaviateObject toObject(Memory memory, float[] vector) {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("agentId", memory.agentId().toString());
		properties.put("memoryType", memory.type().wire());
		properties.put("content", memory.content());
		properties.put("context", memory.context());
		properties.put("importance", memory.importance());
		properties.put("timestamp", memory.timestamp().toString());
		WeaviateObject.WeaviateObjectBuilder object = WeaviateObject.builder()
			.className(AgentMemorySchema.CLASS)
			.id(memory.id().toString())
			.tenant(memory.tenantId().toString())
			.properties(properties);
		if (vector != null) {
			Float[] boxed = new Float[vector.length];
			for (int i = 0; i < vector.length; i++) {
				boxed[i] = vector[i];
			}
			object.vector(boxed);
		}
		return object.build();
	}

	static Field[] fields() {
		Field[] context = Memory.CONTEXT_KEYS.stream().sorted().map(AgentMemoryObjects::field).toArray(Field[]::new);
		return new Field[] { field("agentId"), field("memoryType"), field("content"),
				Field.builder().name("context").fields(context).build(), field("importance"), field("timestamp"),
				Field.builder().name("_additional").fields(field("id"), field("distance")).build() };
	}

	/** The where filter of a query, or null when it filters nothing (the tenant is not a filter in Weaviate). */
	static WhereArgument where(MemoryQuery query) {
		List<WhereFilter> operands = new ArrayList<>();
		if (query.agentId() != null) {
			operands.add(WhereFilter.builder()
				.path("agentId")
				.operator(Operator.Equal)
				.valueText(query.agentId().toString())
				.build());
		}
		if (query.type() != null) {
			operands.add(WhereFilter.builder()
				.path("memoryType")
				.operator(Operator.Equal)
				.valueText(query.type().wire())
				.build());
		}
		if (query.since() != null) {
			operands.add(WhereFilter.builder()
				.path("timestamp")
				.operator(Operator.GreaterThanEqual)
				.valueDate(Date.from(query.since()))
				.build());
		}
		if (operands.isEmpty()) {
			return null;
		}
		WhereFilter filter = operands.size() == 1 ? operands.get(0)
				: WhereFilter.builder().operator(Operator.And).operands(operands.toArray(WhereFilter[]::new)).build();
		return WhereArgument.builder().filter(filter).build();
	}

	/** One item of {@code data.Get.AgentMemory}; the tenant is the one the query ran in. */
	@SuppressWarnings("unchecked")
	static ScoredMemory toScored(TenantId tenant, Map<String, Object> item) {
		Map<String, Object> additional = (Map<String, Object>) item.get("_additional");
		Map<String, String> context = new LinkedHashMap<>();
		Object rawContext = item.get("context");
		if (rawContext instanceof Map<?, ?> map) {
			map.forEach((key, value) -> {
				if (value != null) {
					context.put(String.valueOf(key), String.valueOf(value));
				}
			});
		}
		Memory memory = new Memory(UUID.fromString((String) additional.get("id")), tenant,
				AgentId.of((String) item.get("agentId")), MemoryType.of((String) item.get("memoryType")),
				(String) item.get("content"), context, ((Number) item.get("importance")).doubleValue(),
				OffsetDateTime.parse((String) item.get("timestamp")).toInstant());
		// Weaviate's default metric is cosine distance = 1 - cosine similarity
		double similarity = 1.0 - ((Number) additional.get("distance")).doubleValue();
		return new ScoredMemory(memory, similarity, similarity);
	}

	private static Field field(String name) {
		return Field.builder().name(name).build();
	}
}
