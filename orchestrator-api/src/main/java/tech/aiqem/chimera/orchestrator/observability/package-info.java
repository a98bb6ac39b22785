/**
 * Operational meters read from PostgreSQL and Redis on a timer, published by the orchestrator only (one
 * series per deployment, not one per replica of every service): the HITL queue and how long humans take
 * to review, spend by tenant and by the day's biggest-spending agents, and the queue depths.
 */
package tech.aiqem.chimera.orchestrator.observability;
