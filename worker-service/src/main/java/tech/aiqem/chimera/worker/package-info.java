/**
 * The worker: pops tasks from the priority queues, builds their context, calls the worker model and
 * the MCP tools, and pushes a result with its confidence, reasoning and tool calls for the judge. It
 * holds no state: everything it needs is in the task and behind the tools; nothing it does publishes
 * or pays (that happens only after approval).
 */
package tech.aiqem.chimera.worker;
