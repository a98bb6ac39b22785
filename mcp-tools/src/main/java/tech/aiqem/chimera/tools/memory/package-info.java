/**
 * The memory tools {@code search_memory} and {@code remember} (Chimera additions to the specification's tools, mcp-tools/README.md): mcp-tools
 * hosts agent-memory's {@code MemoryStore} (the embedded index is one process per directory), and planner,
 * workers and the judge's publisher reach it through these tools. Every call is scoped to the calling
 * agent and its tenant from {@code _meta}.
 */
package tech.aiqem.chimera.tools.memory;
