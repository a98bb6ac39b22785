package tech.aiqem.chimera.orchestrator.system;

import tech.aiqem.chimera.model.Role;
import tech.aiqem.chimera.model.TenantId;

/**
 * The tenant a request acts for, who is acting (a user's e-mail or {@code key:<name>}) and with which
 * role. Resolved from the authenticated caller; every query that serves the API is scoped by it;
 * controllers take it as a method parameter.
 */
public record CurrentTenant(TenantId id, String actor, Role role) {
}
