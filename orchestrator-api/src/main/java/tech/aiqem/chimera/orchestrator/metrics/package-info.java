/** Agent metrics computed from stored data for a period (SPEC §3.1 GET /agents/{id}/metrics). */
package tech.aiqem.chimera.orchestrator.metrics;
