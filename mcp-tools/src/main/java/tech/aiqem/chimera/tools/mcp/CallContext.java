package tech.aiqem.chimera.tools.mcp;

import java.util.Map;

import tech.aiqem.chimera.model.AgentId;
import tech.aiqem.chimera.model.TaskId;
import tech.aiqem.chimera.model.TenantId;

/**
 * Who calls and on behalf of which task, from the request's {@code _meta}: the tool schemas of the specification
 * §3.2 have no agent field, so the caller (ToolsClient) sends {@code chimera/agent_id},
 * {@code chimera/tenant_id} and {@code chimera/task_id} (the idempotency key) there, and for a reply
 * {@code chimera/in_reply_to} (the platform id of the mention answered).
 */
public record CallContext(AgentId agent, TenantId tenant, TaskId task, String inReplyTo) {

	public static final String AGENT_ID = "chimera/agent_id";

	public static final String TENANT_ID = "chimera/tenant_id";

	public static final String TASK_ID = "chimera/task_id";

	public static final String IN_REPLY_TO = "chimera/in_reply_to";

	public static CallContext from(Map<String, Object> meta) {
		Map<String, Object> values = meta == null ? Map.of() : meta;
		Object reply = values.get(IN_REPLY_TO);
		return new CallContext(id(values, AGENT_ID, AgentId::of), id(values, TENANT_ID, TenantId::of),
				id(values, TASK_ID, TaskId::of), reply == null || reply.toString().isBlank() ? null : reply.toString());
	}

	/** The argument in which an API-key caller names the agent it reads for (services use {@code _meta}). */
	public static final String AGENT_ARGUMENT = "agent_id";

	/**
	 * The context of a tenant API key's call: the tenant is the key's, whatever {@code _meta} says, and the
	 * agent is the one named in the {@code agent_id} argument (the tools check it belongs to the tenant).
	 */
	public static CallContext forTenantKey(TenantId tenant, Map<String, Object> arguments, Map<String, Object> meta) {
		Map<String, Object> args = arguments == null ? Map.of() : arguments;
		Map<String, Object> values = meta == null ? Map.of() : meta;
		return new CallContext(id(args, AGENT_ARGUMENT, AgentId::of), tenant, id(values, TASK_ID, TaskId::of), null);
	}

	public AgentId requireAgent() {
		if (this.agent == null) {
			throw ToolError.invalidArgument("_meta \"" + AGENT_ID + "\" is required: the agent this call acts for");
		}
		return this.agent;
	}

	public TaskId requireTask() {
		if (this.task == null) {
			throw ToolError.invalidArgument(
					"_meta \"" + TASK_ID + "\" is required: the task id is the idempotency key of this call");
		}
		return this.task;
	}

	private static <T> T id(Map<String, Object> meta, String key, java.util.function.Function<String, T> parse) {
		Object value = meta.get(key);
		if (value == null || value.toString().isBlank()) {
			return null;
		}
		try {
			return parse.apply(value.toString());
		}
		catch (IllegalArgumentException ex) {
			throw ToolError.invalidArgument("_meta \"" + key + "\": " + ex.getMessage());
		}
	}
}
