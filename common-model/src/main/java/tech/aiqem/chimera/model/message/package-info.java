/**
 * Messages on the Redis lists: tasks (planner to workers, SPEC §2.3 and §4.1) and results (workers to
 * the judge, SPEC §2.3 review queue and §4.2). Records validate in their compact constructors and
 * ignore unknown fields; {@link tech.aiqem.chimera.model.ChimeraJson} reads and writes them.
 */
package tech.aiqem.chimera.model.message;
