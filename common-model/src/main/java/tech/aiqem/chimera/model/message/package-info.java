/**
 * Messages on the Redis lists: tasks (planner to workers, docs/architecture.md §5.1) and results (workers to
 * the judge, docs/architecture.md §5.2). Records validate in their compact constructors and
 * ignore unknown fields; {@link tech.aiqem.chimera.model.ChimeraJson} reads and writes them.
 */
package tech.aiqem.chimera.model.message;
