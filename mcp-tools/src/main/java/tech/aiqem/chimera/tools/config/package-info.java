/**
 * Wiring: the MCP server (official Java SDK, Streamable HTTP servlet at {@code /mcp} in the embedded
 * Tomcat) with the tools and resources of mcp-tools/README.md, and the adapters chosen by {@link
 * tech.aiqem.chimera.tools.config.ToolsProperties}.
 */
package tech.aiqem.chimera.tools.config;
