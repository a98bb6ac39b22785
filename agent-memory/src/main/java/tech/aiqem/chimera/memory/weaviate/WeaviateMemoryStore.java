package tech.aiqem.chimera.memory.weaviate;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.weaviate.client.Config;
import io.weaviate.client.WeaviateClient;
import io.weaviate.client.base.Result;
import io.weaviate.client.v1.batch.model.ObjectGetResponse;
import io.weaviate.client.v1.data.model.WeaviateObject;
import io.weaviate.client.v1.graphql.model.GraphQLError;
import io.weaviate.client.v1.graphql.model.GraphQLResponse;
import io.weaviate.client.v1.graphql.query.Get;
import io.weaviate.client.v1.graphql.query.argument.NearTextArgument;
import io.weaviate.client.v1.graphql.query.argument.NearVectorArgument;
import io.weaviate.client.v1.graphql.query.argument.WhereArgument;

import tech.aiqem.chimera.memory.Memory;
import tech.aiqem.chimera.memory.MemoryQuery;
import tech.aiqem.chimera.memory.MemoryStore;
import tech.aiqem.chimera.memory.Relevance;
import tech.aiqem.chimera.memory.ScoredMemory;
import tech.aiqem.chimera.memory.embedding.Embedder;
import tech.aiqem.chimera.model.TenantId;

/**
 * Memory in Weaviate (agent-memory/README.md): class {@code AgentMemory}, multi-tenant, one Weaviate tenant per Chimera
 * tenant, so isolation is Weaviate's own (every read and write names the tenant; objects of different
 * tenants live in different shards). Writes go through the batch endpoint, searches through GraphQL
 * {@code Get} with {@code nearText} ({@link VectorSource#SERVER}) or {@code nearVector}
 * ({@link VectorSource#CLIENT}) and a where filter on agent, type and time; results are re-ranked with
 * {@link Relevance} as in the embedded store. Thread-safe (the client is).
 */
public final class WeaviateMemoryStore implements MemoryStore {

	private final WeaviateClient client;

	private final VectorSource vectors;

	private final Embedder embedder;

	private final Relevance relevance;

	private final AgentMemorySchema schema;

	/**
	 * @param embedder required for {@link VectorSource#CLIENT}, unused for {@link VectorSource#SERVER}
	 * @param vectorizer the server's vectorizer module for {@link VectorSource#SERVER} (e.g. text2vec-openai)
	 */
	public WeaviateMemoryStore(WeaviateClient client, VectorSource vectors, Embedder embedder, String vectorizer,
			Relevance relevance) {
		if (vectors == VectorSource.CLIENT && embedder == null) {
			throw new IllegalArgumentException("bring-your-own-vector mode needs an embedder");
		}
		if (vectors == VectorSource.SERVER && (vectorizer == null || vectorizer.isBlank())) {
			throw new IllegalArgumentException("server-side vectors need the vectorizer module name");
		}
		this.client = client;
		this.vectors = vectors;
		this.embedder = embedder;
		this.relevance = relevance;
		this.schema = new AgentMemorySchema(client, vectors, vectorizer);
	}

	/**
	 * A client for a Weaviate URL such as {@code http://localhost:8080}; the API key (may be null) is sent
	 * as a bearer token, as Weaviate's API-key authentication expects. Its connections are pooled and kept
	 * ({@link PooledHttpClient}).
	 */
	public static WeaviateClient client(URI url, String apiKey, int timeoutSeconds) {
		if (url == null || url.getScheme() == null || url.getHost() == null) {
			throw new IllegalArgumentException("Weaviate URL must look like http://host:8080, got " + url);
		}
		String scheme = url.getScheme().toLowerCase(Locale.ROOT);
		if (!scheme.equals("http") && !scheme.equals("https")) {
			throw new IllegalArgumentException("Weaviate URL must be http or https, got " + scheme);
		}
		String host = url.getPort() > 0 ? url.getHost() + ":" + url.getPort() : url.getHost();
		Map<String, String> headers = new HashMap<>();
		if (apiKey != null && !apiKey.isBlank()) {
			headers.put("Authorization", "Bearer " + apiKey.trim());
		}
		return new WeaviateClient(new Config(scheme, host, headers, timeoutSeconds), PooledHttpClient.create(headers, timeoutSeconds),
				null);
	}

	@Override
	public void write(TenantId tenant, List<Memory> memories) {
		MemoryStore.requireSameTenant(tenant, memories);
		if (memories.isEmpty()) {
			return;
		}
		this.schema.ensureTenant(tenant);
		List<float[]> vectorsOfMemories = this.vectors == VectorSource.CLIENT
				? this.embedder.embedAll(memories.stream().map(Memory::content).toList()) : null;
		WeaviateObject[] objects = new WeaviateObject[memories.size()];
		for (int i = 0; i < objects.length; i++) {
			objects[i] = AgentMemoryObjects.toObject(memories.get(i),
					vectorsOfMemories != null ? vectorsOfMemories.get(i) : null);
		}
		Result<ObjectGetResponse[]> result = this.client.batch().objectsBatcher().withObjects(objects).run();
		if (result.hasErrors()) {
			throw WeaviateFailures.of("write memories", result);
		}
		List<String> failures = new ArrayList<>();
		for (ObjectGetResponse item : result.getResult()) {
			if (item.getResult() != null && item.getResult().getErrors() != null
					&& item.getResult().getErrors().getError() != null) {
				item.getResult()
					.getErrors()
					.getError()
					.forEach(e -> failures.add("memory " + item.getId() + ": " + e.getMessage()));
			}
		}
		if (!failures.isEmpty()) {
			throw WeaviateFailures.rejected("write " + failures.size() + " of " + objects.length + " memories",
					failures);
		}
	}

	@Override
	@SuppressWarnings("unchecked")
	public List<ScoredMemory> search(TenantId tenant, MemoryQuery query) {
		if (tenant == null || query == null) {
			throw new IllegalArgumentException("tenant and query are required");
		}
		Get get = this.client.graphQL()
			.get()
			.withClassName(AgentMemorySchema.CLASS)
			.withTenant(tenant.toString())
			.withFields(AgentMemoryObjects.fields())
			.withLimit(this.relevance.candidates(query));
		if (this.vectors == VectorSource.CLIENT) {
			float[] vector = this.embedder.embed(query.text());
			Float[] boxed = new Float[vector.length];
			for (int i = 0; i < vector.length; i++) {
				boxed[i] = vector[i];
			}
			get.withNearVector(NearVectorArgument.builder().vector(boxed).build());
		}
		else {
			get.withNearText(NearTextArgument.builder().concepts(new String[] { query.text() }).build());
		}
		WhereArgument where = AgentMemoryObjects.where(query);
		if (where != null) {
			get.withWhere(where);
		}
		Result<GraphQLResponse> result = get.run();
		if (result.hasErrors()) {
			throw WeaviateFailures.of("search memories", result);
		}
		GraphQLResponse response = result.getResult();
		if (response.getErrors() != null && response.getErrors().length > 0) {
			if (nothingStoredYet(response.getErrors())) {
				return List.of();
			}
			List<String> messages = new ArrayList<>();
			for (GraphQLError error : response.getErrors()) {
				messages.add(error.getMessage());
			}
			throw WeaviateFailures.rejected("search memories", messages);
		}
		Map<String, Object> data = (Map<String, Object>) response.getData();
		Map<String, Object> getData = data == null ? null : (Map<String, Object>) data.get("Get");
		List<Map<String, Object>> items = getData == null ? null
				: (List<Map<String, Object>>) getData.get(AgentMemorySchema.CLASS);
		if (items == null) {
			return List.of();
		}
		List<ScoredMemory> found = items.stream().map(item -> AgentMemoryObjects.toScored(tenant, item)).toList();
		return this.relevance.rank(found, query);
	}

	/** A tenant that never wrote has no Weaviate tenant, and before the first write there is no class. */
	private static boolean nothingStoredYet(GraphQLError[] errors) {
		for (GraphQLError error : errors) {
			String message = String.valueOf(error.getMessage());
			if (!message.contains("tenant not found")
					&& !message.contains("Cannot query field \"" + AgentMemorySchema.CLASS + "\"")) {
				return false;
			}
		}
		return true;
	}

	@Override
	public void close() {
		// the client keeps no resources that need closing in 4.x
	}
}
