package tech.aiqem.chimera.orchestrator.auth;

import java.io.Serializable;
import java.security.Principal;
import java.util.List;
import java.util.UUID;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import tech.aiqem.chimera.model.Role;

/**
 * The authenticated principal: a dashboard user or an API key, of one tenant, with one role. It lives
 * in the HTTP session for users, so it holds only serialisable values and no secret.
 *
 * @param kind user or API key
 * @param id the user's or the key's id
 * @param name the user's e-mail or the key's name
 * @param displayName the user's display name (null for keys)
 */
public record Caller(Kind kind, UUID id, UUID tenantId, String name, String displayName, Role role)
		implements Principal, Serializable {

	/** The authentication's name, and the session's principal name in the session store: {@link #subject()}. */
	@Override
	public String getName() {
		return subject();
	}

	/** Whose quota a request spends: one bucket per API key and per user. */
	public String subject() {
		return (this.kind == Kind.API_KEY ? "key:" : "user:") + this.id;
	}

	/** What {@code task_events.actor} and {@code reviewed_by} record; the column holds 100 characters. */
	String actor() {
		String actor = this.kind == Kind.API_KEY ? "key:" + this.name : this.name;
		return actor.length() <= 100 ? actor : actor.substring(0, 100);
	}

	/** A role includes the ones below it, granted explicitly so URL rules need no role hierarchy. */
	List<GrantedAuthority> authorities() {
		return switch (this.role) {
			case ADMIN -> authorities("ADMIN", "OPERATOR", "REVIEWER");
			case OPERATOR -> authorities("OPERATOR", "REVIEWER");
			case REVIEWER -> authorities("REVIEWER");
		};
	}

	private static List<GrantedAuthority> authorities(String... roles) {
		return java.util.Arrays.stream(roles).<GrantedAuthority>map(r -> new SimpleGrantedAuthority("ROLE_" + r)).toList();
	}

	public enum Kind {
		USER, API_KEY
	}
}
