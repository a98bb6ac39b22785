/**
 * Short-term memory (docs/architecture.md §4): an agent's last conversation turns in a capped, expiring Redis list,
 * available to every service. Semantic long-term memory is agent-memory's, reached through mcp-tools'
 * {@code search_memory} and {@code remember} tools.
 */
package tech.aiqem.chimera.infra.memory;
