/**
 * The judge's preview: what the judge would decide about a proposed result, by the same judge-core code,
 * without storing, publishing or spending anything.
 */
package tech.aiqem.chimera.orchestrator.judge;
