/**
 * The judge: scores every worker result with the judge model plus deterministic checks (persona,
 * brands, safety, prompt injection, claims backed by tool calls, disclosure), approves confident safe
 * results, sends the rest to humans, and commits with optimistic concurrency. Its publisher performs
 * approved actions after the commit, exactly once per task.
 */
package tech.aiqem.chimera.judge;
