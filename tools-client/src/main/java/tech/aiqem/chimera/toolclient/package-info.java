/**
 * The client side of mcp-tools for workers, the publisher and the planner: {@link
 * tech.aiqem.chimera.toolclient.ToolsClient} calls {@code post_content}, {@code generate_image},
 * {@code send_payment} and the memory tools {@code search_memory} and {@code remember}, and reads the
 * mentions resources over Streamable HTTP (official MCP Java SDK), with the call context in {@code _meta},
 * typed results, tool errors as {@link tech.aiqem.chimera.toolclient.ToolErrorException}, and E1002 after
 * 5 failed attempts to reach the server.
 */
package tech.aiqem.chimera.toolclient;
