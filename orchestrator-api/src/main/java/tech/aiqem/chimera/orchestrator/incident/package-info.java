/**
 * Incidents operators must see (injection attempts, budget pauses, funds, escalations), newest first,
 * from the {@code incidents} table the services write; always scoped by tenant.
 */
package tech.aiqem.chimera.orchestrator.incident;
