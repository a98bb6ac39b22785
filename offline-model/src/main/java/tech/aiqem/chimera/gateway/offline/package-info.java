/**
 * The offline model: a deterministic, fast, persona-aware {@code ChatProvider} that serves every role
 * when no API key is set. It reads the structured {@code facts} of a prompt (the same data the text
 * prompt renders for a hosted model), answers in the JSON shape the caller asked for, and marks its
 * answers offline. The planner, worker and judge run the same code paths with it as with a hosted
 * model.
 */
package tech.aiqem.chimera.gateway.offline;
