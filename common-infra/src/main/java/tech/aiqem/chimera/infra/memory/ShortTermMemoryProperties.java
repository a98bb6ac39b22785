package tech.aiqem.chimera.infra.memory;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * Short-term memory settings (prefix {@code chimera.memory.short-term}), validated at start-up.
 *
 * @param ttl how long an agent's recent conversation lives after its last write (docs/architecture.md §4: 3600 s)
 * @param capacity items kept per agent (docs/architecture.md §4: 100)
 */
@Validated
@ConfigurationProperties("chimera.memory.short-term")
public record ShortTermMemoryProperties(@NotNull @DefaultValue("3600s") Duration ttl,
		@Min(1) @Max(10_000) @DefaultValue("100") int capacity) {

	public ShortTermMemoryProperties {
		if (ttl != null && ttl.toMillis() < 1) {
			throw new IllegalArgumentException("chimera.memory.short-term.ttl must be positive, got " + ttl);
		}
	}
}
