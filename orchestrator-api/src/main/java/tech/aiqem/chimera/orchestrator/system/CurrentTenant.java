package tech.aiqem.chimera.orchestrator.system;

import tech.aiqem.chimera.model.TenantId;

/**
 * The tenant a request acts for, and who is acting. Every query that serves the API is scoped by it;
 * controllers take it as a method parameter.
 */
public record CurrentTenant(TenantId id, String actor) {
}
