package tech.aiqem.chimera.orchestrator.live;

import java.time.Clock;
import java.time.Instant;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;

import tech.aiqem.chimera.infra.config.InfraProperties;

/**
 * The services' clock, which the launcher may run faster than real time: the dashboard shows "5 min
 * ago" against it, not against the browser's clock, so campaign times read right at any time scale.
 */
@RestController
class ClockController {

	private final Clock clock;

	private final double scale;

	ClockController(Clock clock, InfraProperties properties) {
		this.clock = clock;
		this.scale = properties.time().scale();
	}

	@Operation(summary = "The services' current time and how much faster than real time it runs",
			description = "now advances time_scale seconds per real second (1 in production).")
	@GetMapping("/v1/clock")
	Now clock() {
		return new Now(this.clock.instant(), this.scale);
	}

	record Now(Instant now, double timeScale) {
	}
}
