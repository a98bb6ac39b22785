package tech.aiqem.chimera.planner.sweep;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * The sweeper's settings ({@code chimera.sweeper.*}).
 *
 * @param grace real time a task may stay open past its deadline before it is failed (E2001): longer than
 * a queue backlog, a worker's task timeout and a judge batch take together
 * @param interval real time between sweeps
 * @param batch tasks failed per sweep at most
 */
@Validated
@ConfigurationProperties("chimera.sweeper")
public record SweeperProperties(@NotNull @DefaultValue("10m") Duration grace,
		@NotNull @DefaultValue("30s") Duration interval, @Min(1) @Max(10000) @DefaultValue("500") int batch) {
}
