/**
 * An agent's timeline: what it published on the sandbox platform (the {@code sandbox_posts} table
 * mcp-tools writes), newest first, with the simulated engagement and whether the offline model wrote it.
 */
package tech.aiqem.chimera.orchestrator.timeline;
