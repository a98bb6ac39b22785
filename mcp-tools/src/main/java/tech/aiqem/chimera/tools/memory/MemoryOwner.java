package tech.aiqem.chimera.tools.memory;

import tech.aiqem.chimera.model.AgentId;
import tech.aiqem.chimera.model.TenantId;
import tech.aiqem.chimera.model.ToolFailure.Reason;
import tech.aiqem.chimera.tools.agent.AgentDirectory;
import tech.aiqem.chimera.tools.agent.AgentProfile;
import tech.aiqem.chimera.tools.mcp.CallContext;
import tech.aiqem.chimera.tools.mcp.ToolError;

/**
 * Whose memories a call reads or writes: the agent and tenant of {@code _meta}, both required, and the
 * agent must belong to that tenant — so a caller cannot reach another tenant's memories by naming it.
 */
record MemoryOwner(AgentId agent, TenantId tenant) {

	static MemoryOwner of(String tool, CallContext context, AgentDirectory agents) {
		if (context.agent() == null) {
			throw ToolError.invalidArgument(
					tool + ": _meta \"" + CallContext.AGENT_ID + "\" is required: memories belong to an agent");
		}
		if (context.tenant() == null) {
			throw ToolError.invalidArgument(
					tool + ": _meta \"" + CallContext.TENANT_ID + "\" is required: memories are kept per tenant");
		}
		AgentProfile profile = agents.get(context.agent());
		if (!profile.tenant().equals(context.tenant())) {
			throw new ToolError(Reason.FORBIDDEN,
					tool + ": agent " + context.agent() + " does not belong to tenant " + context.tenant());
		}
		return new MemoryOwner(profile.id(), profile.tenant());
	}
}
