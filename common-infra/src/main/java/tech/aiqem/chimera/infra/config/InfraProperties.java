package tech.aiqem.chimera.infra.config;

import java.time.Instant;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * What every service needs to reach Redis and keep time ({@code REDIS_URL}, docs/architecture.md §13). Validated at
 * start-up: a bad value stops the service with a message naming the property.
 *
 * @param instanceId this process's consumer id on the queues (host, pid and a random suffix by default)
 * @param redisUrl {@code redis://host:port/db}
 * @param migrate true for the one service that applies the Flyway migrations (the orchestrator)
 * @param time the clock all services share
 */
@Validated
@ConfigurationProperties("chimera")
public record InfraProperties(@NotBlank String instanceId,
		@NotBlank @Pattern(regexp = "^rediss?://.+", message = "must look like redis://host:6379/0") String redisUrl,
		@DefaultValue("false") boolean migrate, @Valid @NotNull @DefaultValue Time time) {

	/**
	 * @param scale how many times faster than real time the shared clock runs (1 in production; the
	 * launcher's demo runs a 14-day campaign in minutes)
	 * @param origin the instant from which scaled time runs; every service of one deployment must get
	 * the same origin
	 */
	public record Time(@DecimalMin("0.001") @DecimalMax("1000000") @DefaultValue("1") double scale, Instant origin) {
	}
}
