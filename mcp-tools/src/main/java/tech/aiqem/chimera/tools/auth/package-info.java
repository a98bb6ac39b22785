/**
 * Who may call the MCP tools: every request to {@code /mcp} proves its caller with a bearer token before
 * any JSON-RPC is read, and each tool and resource checks that caller's scopes. Browsers are kept out by
 * the {@code Origin} check the MCP transport asks for (DNS rebinding).
 */
package tech.aiqem.chimera.tools.auth;
