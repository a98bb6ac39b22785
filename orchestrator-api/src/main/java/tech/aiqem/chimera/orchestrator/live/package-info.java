/**
 * Live updates for the dashboard. {@code GET /v1/hitl/stream} (server-sent events) tells a tenant's
 * open review pages that its queue changed (a review arrived or was decided), so they refetch the queue
 * without polling; each stream sees only its own tenant's queue state and no review content travels on
 * it. {@code GET /v1/clock} gives the services' (possibly scaled) time, so "ago" reads right.
 */
package tech.aiqem.chimera.orchestrator.live;
