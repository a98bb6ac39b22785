/** The pipeline at a glance: queue depths per priority, tasks per status, recent errors by code, workers. */
package tech.aiqem.chimera.orchestrator.pipeline;
