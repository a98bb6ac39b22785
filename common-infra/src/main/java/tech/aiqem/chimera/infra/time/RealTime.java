package tech.aiqem.chimera.infra.time;

import java.time.Clock;
import java.time.Instant;

/**
 * Real (wall-clock) time, for what people and audits read: human review deadlines (a reviewer's SLA does
 * not shrink because the demo runs campaign time 1440 times faster), API keys' and users' {@code created_at},
 * log-ins and key use. Campaign scheduling, task times and budget days stay on the shared
 * {@link ScaledClock} ({@code Clock} bean); latency meters convert the spans they read off it back to real
 * time ({@link ScaledClock#realSpan}). A separate type, not a second {@code Clock} bean, so that
 * injecting a {@code Clock} is never ambiguous and choosing real time is visible in the code.
 */
public final class RealTime {

	private final Clock clock;

	public RealTime(Clock clock) {
		this.clock = clock;
	}

	public static RealTime system() {
		return new RealTime(Clock.systemUTC());
	}

	public Clock clock() {
		return this.clock;
	}

	public Instant now() {
		return this.clock.instant();
	}
}
