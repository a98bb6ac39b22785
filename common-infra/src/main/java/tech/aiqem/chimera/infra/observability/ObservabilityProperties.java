package tech.aiqem.chimera.infra.observability;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * Settings of the operational meters.
 *
 * @param refreshInterval how often gauges read from Redis and PostgreSQL (queue depth, HITL queue, spend)
 * are refreshed
 * @param topAgents how many agents get their own spend series (the biggest spenders of the day), which
 * bounds the label cardinality
 * @param redisLatency whether every Redis command is timed ({@code lettuce.command.completion}); on by default,
 * from the end of start-up on (see {@code AfterRefreshLatencyRecorder})
 */
@Validated
@ConfigurationProperties("chimera.observability")
public record ObservabilityProperties(@NotNull @DefaultValue("10s") Duration refreshInterval,
		@Min(0) @Max(100) @DefaultValue("10") int topAgents, @DefaultValue("true") boolean redisLatency) {
}
