/**
 * The resources {@code twitter://mentions/recent}, {@code instagram://mentions/recent} and
 * {@code threads://mentions/recent}: the calling agent's mentions of the last hour (agent from the read
 * request's {@code _meta}), in the response format of mcp-tools/README.md.
 */
package tech.aiqem.chimera.tools.mentions;
