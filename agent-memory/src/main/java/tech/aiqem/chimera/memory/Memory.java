package tech.aiqem.chimera.memory;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import tech.aiqem.chimera.model.AgentId;
import tech.aiqem.chimera.model.MemoryType;
import tech.aiqem.chimera.model.TenantId;

/**
 * One semantic memory of an agent ({@code AgentMemory}, agent-memory/README.md). The id makes writes idempotent: writing
 * the same id again within a tenant replaces the memory, so a retried task does not remember twice.
 *
 * @param id unique within the tenant; callers derive it from what produced the memory (e.g. the task id)
 * @param tenantId owner; a store never lets another tenant read or overwrite it
 * @param agentId the agent that remembers
 * @param type conversation, learning or persona_update
 * @param content the text that is embedded and searched
 * @param context metadata, keys from {@link #CONTEXT_KEYS} (a Weaviate object property needs its keys declared)
 * @param importance 0..1, weighs retrieval (see {@link Relevance})
 * @param timestamp when the memory was formed, weighs retrieval by recency
 */
public record Memory(UUID id, TenantId tenantId, AgentId agentId, MemoryType type, String content,
		Map<String, String> context, double importance, Instant timestamp) {

	/** The context keys both stores accept; values are strings (numbers as their decimal text). */
	public static final Set<String> CONTEXT_KEYS = Set.of("platform", "engagement", "task_id", "campaign_id",
			"post_id", "source");

	/** Upper bound on content, well above what the embedding model reads (256 word pieces). */
	public static final int MAX_CONTENT_CHARS = 8_000;

	public Memory {
		Objects.requireNonNull(id, "memory id is required");
		Objects.requireNonNull(tenantId, "tenant id is required");
		Objects.requireNonNull(agentId, "agent id is required");
		Objects.requireNonNull(type, "memory type is required");
		Objects.requireNonNull(timestamp, "timestamp is required");
		if (content == null || content.isBlank()) {
			throw new IllegalArgumentException("memory content is required and must not be blank");
		}
		if (content.length() > MAX_CONTENT_CHARS) {
			throw new IllegalArgumentException(
					"memory content has " + content.length() + " characters; the limit is " + MAX_CONTENT_CHARS);
		}
		if (!(importance >= 0 && importance <= 1)) {
			throw new IllegalArgumentException("importance must be between 0 and 1, got " + importance);
		}
		context = checkedContext(context);
	}

	/** A new memory with a random id. */
	public static Memory of(TenantId tenantId, AgentId agentId, MemoryType type, String content,
			Map<String, String> context, double importance, Instant timestamp) {
		return new Memory(UUID.randomUUID(), tenantId, agentId, type, content, context, importance, timestamp);
	}

	private static Map<String, String> checkedContext(Map<String, String> context) {
		if (context == null) {
			return Map.of();
		}
		Map<String, String> sorted = new TreeMap<>();
		context.forEach((key, value) -> {
			if (!CONTEXT_KEYS.contains(key)) {
				throw new IllegalArgumentException("memory context key '" + key + "' is not supported; use one of "
						+ new TreeSet<>(CONTEXT_KEYS));
			}
			if (value != null) {
				sorted.put(key, value);
			}
		});
		return Map.copyOf(sorted);
	}
}
