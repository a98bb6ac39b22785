package tech.aiqem.chimera.tools.audit;

import java.util.Map;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import tech.aiqem.chimera.model.ChimeraJson;
import tech.aiqem.chimera.model.TaskId;
import tech.aiqem.chimera.tools.mcp.Sha256;

/** Writes one row per tool call served for a task. A failure to record is logged, never the call's failure. */
@Component
public class ServedCalls {

	private static final Logger log = LoggerFactory.getLogger(ServedCalls.class);

	private static final String INSERT = """
			INSERT INTO served_tool_calls (task_id, tool, caller, arguments_sha256, outcome, result_ref, duration_ms)
			VALUES (?, ?, ?, ?, ?, ?, ?)
			""";

	/** The result field that names what each tool produced. */
	private static final Map<String, String> RESULT_REF = Map.of("generate_image", "media_url", "post_content", "post_id",
			"send_payment", "transaction_hash", "remember", "memory_id");

	private final JdbcTemplate jdbc;

	ServedCalls(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	public void record(TaskId task, String tool, String caller, Map<String, Object> arguments, String outcome,
			Map<String, Object> result, long durationMs) {
		if (task == null) {
			return;
		}
		Object ref = result == null ? null : result.get(RESULT_REF.getOrDefault(tool, ""));
		try {
			this.jdbc.update(INSERT, task.value(), tool, caller, sha256(arguments), outcome, ref == null ? null : ref.toString(),
					(int) Math.min(Integer.MAX_VALUE, durationMs));
		}
		catch (DataAccessException ex) {
			log.warn("Could not record the {} call of task {}: {}", tool, task, ex.getMessage());
		}
	}

	/** The hash of the arguments in a canonical form (keys sorted), so equal arguments hash alike. */
	static String sha256(Map<String, Object> arguments) {
		return Sha256.hex(ChimeraJson.write(arguments == null ? Map.of() : new TreeMap<>(arguments)));
	}

}
