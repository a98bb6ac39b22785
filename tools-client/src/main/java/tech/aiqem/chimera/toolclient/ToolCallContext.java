package tech.aiqem.chimera.toolclient;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import tech.aiqem.chimera.model.AgentId;
import tech.aiqem.chimera.model.TaskId;
import tech.aiqem.chimera.model.TenantId;

/**
 * Who a tool call is for; travels in the request's {@code _meta} because the tool schemas (mcp-tools/README.md)
 * have no such fields. The task id is the idempotency key: calling again with it never repeats an effect.
 * @param inReplyTo for a reply, the platform id of the mention it answers (may be null)
 */
public record ToolCallContext(AgentId agent, TenantId tenant, TaskId task, String inReplyTo) {

	public static final String AGENT_ID = "chimera/agent_id";

	public static final String TENANT_ID = "chimera/tenant_id";

	public static final String TASK_ID = "chimera/task_id";

	public static final String IN_REPLY_TO = "chimera/in_reply_to";

	public ToolCallContext {
		Objects.requireNonNull(agent, "agent");
	}

	public ToolCallContext(AgentId agent, TenantId tenant, TaskId task) {
		this(agent, tenant, task, null);
	}

	Map<String, Object> meta() {
		Map<String, Object> meta = new LinkedHashMap<>();
		meta.put(AGENT_ID, this.agent.toString());
		if (this.tenant != null) {
			meta.put(TENANT_ID, this.tenant.toString());
		}
		if (this.task != null) {
			meta.put(TASK_ID, this.task.toString());
		}
		if (this.inReplyTo != null) {
			meta.put(IN_REPLY_TO, this.inReplyTo);
		}
		return meta;
	}
}
