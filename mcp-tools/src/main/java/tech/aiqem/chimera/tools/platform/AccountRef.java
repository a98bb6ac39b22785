package tech.aiqem.chimera.tools.platform;

import tech.aiqem.chimera.model.AgentId;
import tech.aiqem.chimera.model.Platform;
import tech.aiqem.chimera.model.TenantId;

/**
 * An agent's account on a platform.
 * @param username without '@'
 * @param userId the platform's numeric user id, which live APIs need in their paths (may be null)
 */
public record AccountRef(AgentId agent, TenantId tenant, Platform platform, String username, String userId) {

	/** The key the pacing governor and rate-limit blocks use. */
	public String key() {
		return this.platform.wire() + ":" + this.username;
	}
}
