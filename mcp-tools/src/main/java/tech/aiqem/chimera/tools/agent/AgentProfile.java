package tech.aiqem.chimera.tools.agent;

import java.util.Map;
import java.util.Optional;

import tech.aiqem.chimera.model.AgentId;
import tech.aiqem.chimera.model.Platform;
import tech.aiqem.chimera.model.TenantId;
import tech.aiqem.chimera.model.persona.Persona;

/**
 * An agent as the tools need it.
 * @param accounts per platform, the account's username (without '@') and, for live APIs, its
 * platform user id when {@code social_accounts} gives one ({@code {"twitter":{"username":..,"user_id":..}}})
 */
public record AgentProfile(AgentId id, TenantId tenant, String status, Persona persona, Map<Platform, SocialAccount> accounts) {

	public AgentProfile {
		accounts = Map.copyOf(accounts);
	}

	public Optional<SocialAccount> account(Platform platform) {
		return Optional.ofNullable(this.accounts.get(platform));
	}

	/** An agent's account on one platform. */
	public record SocialAccount(Platform platform, String username, String userId) {

		public SocialAccount {
			if (username == null || username.isBlank()) {
				throw new IllegalArgumentException(platform.wire() + " account has no username");
			}
			username = username.strip().replaceFirst("^@", "");
		}
	}
}
