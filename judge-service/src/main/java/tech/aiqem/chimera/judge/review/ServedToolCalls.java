package tech.aiqem.chimera.judge.review;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.simple.JdbcClient;

import tech.aiqem.chimera.judge.core.checks.ToolCallVerifier;
import tech.aiqem.chimera.model.message.ResultMessage;

/**
 * Tool calls as the tools server recorded them ({@code served_tool_calls}, written by mcp-tools), not as
 * the worker says: a result's claimed call counts only when mcp-tools served that tool for the task and it
 * succeeded, and an image counts only when its URL is one that {@code generate_image} produced for the
 * task. A result pushed to Redis with invented tool calls has no such record.
 * <p>
 * The judge reads the records of a whole batch in one query ({@link #prefetch}) before it judges the batch's
 * results in parallel, and forgets them after ({@link #forget}): a thousand results judged at once would
 * otherwise each wait for a pooled connection to ask for their own. A result outside a prefetched batch is
 * looked up on its own.
 */
public final class ServedToolCalls implements ToolCallVerifier {

	private static final String SERVED = """
			SELECT result_ref FROM served_tool_calls WHERE task_id = :task AND tool = :tool AND outcome = 'ok'
			""";

	private static final String SERVED_FOR_TASKS = """
			SELECT task_id, tool, result_ref FROM served_tool_calls WHERE task_id IN (:tasks) AND outcome = 'ok'
			""";

	private final JdbcClient jdbc;

	/** Per prefetched task: per tool, the result references of its successful calls (none: an empty map). */
	private final Map<UUID, Map<String, List<String>>> prefetched = new ConcurrentHashMap<>();

	public ServedToolCalls(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Reads the recorded calls of these tasks in one query; {@link #evidence} answers from them until forgotten. */
	public void prefetch(Collection<UUID> tasks) {
		if (tasks.isEmpty()) {
			return;
		}
		Map<UUID, Map<String, List<String>>> calls = new HashMap<>();
		tasks.forEach(task -> calls.put(task, new HashMap<>()));
		this.jdbc.sql(SERVED_FOR_TASKS).param("tasks", tasks).query(rs -> {
			calls.get(rs.getObject("task_id", UUID.class))
				.computeIfAbsent(rs.getString("tool"), tool -> new ArrayList<>())
				.add(rs.getString("result_ref"));
		});
		this.prefetched.putAll(calls);
	}

	public void forget(Collection<UUID> tasks) {
		tasks.forEach(this.prefetched::remove);
	}

	@Override
	public Evidence evidence(ResultMessage result, String tool) {
		Map<String, List<String>> known = this.prefetched.get(result.taskId().value());
		List<String> produced = known != null ? known.getOrDefault(tool, List.of())
				: this.jdbc.sql(SERVED)
					.param("task", result.taskId().value())
					.param("tool", tool)
					.query((rs, n) -> rs.getString("result_ref"))
					.list();
		if (produced.isEmpty()) {
			return Evidence.NONE;
		}
		if ("generate_image".equals(tool)) {
			Set<String> images = new HashSet<>(produced);
			if (!images.containsAll(result.result().allMediaUrls())) {
				return Evidence.NONE;
			}
		}
		return Evidence.VERIFIED;
	}
}
