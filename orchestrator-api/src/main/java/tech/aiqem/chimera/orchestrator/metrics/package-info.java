/** Agent metrics computed from stored data for a period ({@code GET /v1/agents/{id}/metrics}, docs/architecture.md §12.1). */
package tech.aiqem.chimera.orchestrator.metrics;
