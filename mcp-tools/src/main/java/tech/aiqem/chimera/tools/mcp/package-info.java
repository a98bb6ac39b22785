/**
 * What every tool handler shares: the call context the caller puts in {@code _meta}
 * ({@code chimera/agent_id}, {@code chimera/tenant_id}, {@code chimera/task_id}), argument reading
 * with clear messages, and {@link tech.aiqem.chimera.tools.mcp.ToolError}, which becomes an MCP tool
 * error result ({@code isError: true}) instead of a protocol failure.
 */
package tech.aiqem.chimera.tools.mcp;
