package tech.aiqem.chimera.judge.review;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;

import tech.aiqem.chimera.judge.core.checks.ToolCallVerifier;
import tech.aiqem.chimera.model.message.ResultMessage;

/**
 * Tool calls as the tools server recorded them ({@code served_tool_calls}, written by mcp-tools), not as
 * the worker says: a result's claimed call counts only when mcp-tools served that tool for the task and it
 * succeeded, and an image counts only when its URL is one that {@code generate_image} produced for the
 * task. A result pushed to Redis with invented tool calls has no such record.
 */
public final class ServedToolCalls implements ToolCallVerifier {

	private static final String SERVED = """
			SELECT result_ref FROM served_tool_calls WHERE task_id = :task AND tool = :tool AND outcome = 'ok'
			""";

	private final JdbcClient jdbc;

	public ServedToolCalls(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Evidence evidence(ResultMessage result, String tool) {
		List<String> produced = this.jdbc.sql(SERVED)
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
