package tech.aiqem.chimera.queue;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotNull;

/**
 * Heartbeat and reaper timings of the reliable queues (prefix {@code chimera.queue}); the consumer id is the
 * process's {@code chimera.instance-id} (common-infra).
 *
 * @param heartbeatTtl how long a consumer counts as alive without a heartbeat
 * @param reapInterval how often dead consumers' messages, and messages held past their lease, are returned
 * @param lease how long a popped message may stay unacknowledged before it goes back to its queue, even
 * while its consumer lives: longer than any task may take (the worker's task timeout is 60 s)
 */
@Validated
@ConfigurationProperties("chimera.queue")
public record QueueProperties(@NotNull @DefaultValue("15s") Duration heartbeatTtl,
		@NotNull @DefaultValue("5s") Duration reapInterval, @NotNull @DefaultValue("5m") Duration lease) {

	/** The lease of a queue built without one. */
	public static final Duration DEFAULT_LEASE = Duration.ofMinutes(5);
}
