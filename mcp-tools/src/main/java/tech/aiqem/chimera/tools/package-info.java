/**
 * mcp-tools: Chimera's MCP server (mcp-tools/README.md, docs/architecture.md §12.2) — post_content, generate_image, send_payment and the
 * mentions resources over Streamable HTTP, with platform, image, media and payment adapters chosen by
 * configuration. See the module README.
 */
package tech.aiqem.chimera.tools;
