package tech.aiqem.chimera.infra.memory;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of an agent's recent conversation history, stored as JSON ({@code {"role":..,"text":..,"at":..}}).
 *
 * @param role who spoke: e.g. user, agent, system, tool (lower-case word)
 * @param text what was said
 * @param at when
 */
public record ShortTermItem(String role, String text, Instant at) {

	public ShortTermItem {
		if (role == null || !role.matches("[a-z][a-z_]{0,31}")) {
			throw new IllegalArgumentException("role must be a lower-case word such as user or agent, got " + role);
		}
		if (text == null || text.isBlank()) {
			throw new IllegalArgumentException("short-term memory text is required and must not be blank");
		}
		Objects.requireNonNull(at, "at is required");
	}
}
