package tech.aiqem.chimera.tools.memory;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import org.springframework.stereotype.Component;

import tech.aiqem.chimera.memory.Memory;
import tech.aiqem.chimera.memory.MemoryStore;
import tech.aiqem.chimera.model.ChimeraException;
import tech.aiqem.chimera.model.MemoryType;
import tech.aiqem.chimera.model.Platform;
import tech.aiqem.chimera.model.TaskId;
import tech.aiqem.chimera.tools.agent.AgentDirectory;
import tech.aiqem.chimera.tools.mcp.Arguments;
import tech.aiqem.chimera.tools.mcp.CallContext;
import tech.aiqem.chimera.tools.mcp.ToolError;

/**
 * The {@code remember} tool: stores a memory of the calling agent, stamped with the shared clock. With
 * {@code chimera/task_id} in {@code _meta} the memory id is derived from agent, task and type, and the
 * store replaces a memory written under the same id: a retried call stores it once.
 */
@Component
public class RememberTool {

	public static final String NAME = "remember";

	static final int MAX_CONTENT = 2000;

	static final Set<String> CONTEXT_KEYS = Set.of("platform", "task_id", "post_id", "source");

	private final MemoryStore store;

	private final AgentDirectory agents;

	private final Clock clock;

	RememberTool(MemoryStore store, AgentDirectory agents, Clock clock) {
		this.store = store;
		this.agents = agents;
		this.clock = clock;
	}

	public Map<String, Object> call(CallContext context, Map<String, Object> arguments) {
		Arguments args = new Arguments(NAME, arguments);
		String content = MemoryArguments.text(NAME, args, "content", MAX_CONTENT);
		MemoryType type = args.requiredEnum("memory_type", MemoryType::of);
		double importance = MemoryArguments.fraction(NAME, arguments, "importance", 0.5);
		Map<String, String> memoryContext = context(arguments == null ? null : arguments.get("context"));
		MemoryOwner owner = MemoryOwner.of(NAME, context, this.agents);

		UUID id = context.task() == null ? UUID.randomUUID() : idFor(owner, context.task(), type);
		if (context.task() != null) {
			memoryContext.putIfAbsent("task_id", context.task().toString());
		}
		Memory memory = new Memory(id, owner.tenant(), owner.agent(), type, content, memoryContext, importance,
				this.clock.instant());
		try {
			this.store.write(owner.tenant(), memory);
		}
		catch (ChimeraException ex) {
			throw MemoryArguments.unavailable(NAME, ex);
		}
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("memory_id", id.toString());
		result.put("memory_type", type.wire());
		result.put("timestamp", memory.timestamp().toString());
		return result;
	}

	/** One id per agent, task and kind of memory, so a retry replaces instead of adding. */
	static UUID idFor(MemoryOwner owner, TaskId task, MemoryType type) {
		return UUID.nameUUIDFromBytes(
				("chimera-memory:" + owner.agent() + ":" + task + ":" + type.wire()).getBytes(StandardCharsets.UTF_8));
	}

	private static Map<String, String> context(Object value) {
		Map<String, String> context = new TreeMap<>();
		if (value == null) {
			return context;
		}
		if (!(value instanceof Map<?, ?> entries)) {
			throw ToolError.invalidArgument(NAME + ": \"context\" must be an object with platform, task_id, post_id or source");
		}
		for (Map.Entry<?, ?> entry : entries.entrySet()) {
			String key = String.valueOf(entry.getKey());
			if (!CONTEXT_KEYS.contains(key)) {
				throw ToolError.invalidArgument(NAME + ": \"context\" key \"" + key + "\" is not supported; use one of "
						+ new TreeSet<>(CONTEXT_KEYS));
			}
			if (entry.getValue() == null) {
				continue;
			}
			if (!(entry.getValue() instanceof String text) || text.isBlank() || text.length() > 200) {
				throw ToolError.invalidArgument(
						NAME + ": \"context." + key + "\" must be a non-empty string of at most 200 characters");
			}
			if (key.equals("platform")) {
				try {
					text = Platform.of(text).wire();
				}
				catch (IllegalArgumentException ex) {
					throw ToolError.invalidArgument(NAME + ": \"context.platform\": " + ex.getMessage());
				}
			}
			context.put(key, text.strip());
		}
		return context;
	}
}
