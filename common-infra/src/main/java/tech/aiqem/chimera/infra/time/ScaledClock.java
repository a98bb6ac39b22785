package tech.aiqem.chimera.infra.time;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock that runs {@code scale} times faster than real time from a fixed origin. Every service of a
 * deployment gets the same origin and scale, so deadlines, schedules and budget days agree; with scale
 * 1 it is the system clock.
 */
public final class ScaledClock extends Clock {

	private final Clock real;

	private final Instant origin;

	private final double scale;

	public ScaledClock(Clock real, Instant origin, double scale) {
		if (scale <= 0) {
			throw new IllegalArgumentException("time scale must be positive, got " + scale);
		}
		this.real = real;
		this.origin = origin;
		this.scale = scale;
	}

	public double scale() {
		return this.scale;
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return this;
	}

	@Override
	public Instant instant() {
		Instant now = this.real.instant();
		if (this.scale == 1.0) {
			return now;
		}
		long elapsedNanos = java.time.Duration.between(this.origin, now).toNanos();
		return this.origin.plusNanos((long) (elapsedNanos * this.scale));
	}

	/** The span of scaled time that passes in a span of real time. */
	public java.time.Duration scaledDuration(java.time.Duration real) {
		return java.time.Duration.ofNanos((long) (real.toNanos() * this.scale));
	}

	/** How long to wait in real time for a span of scaled time to pass. */
	public java.time.Duration realDuration(java.time.Duration scaled) {
		return java.time.Duration.ofNanos((long) (scaled.toNanos() / this.scale));
	}

	/**
	 * A span of real time on a clock's scale: what a lease, a grace or a retry's backoff meant in real time
	 * (an outage, a crashed process, a tool call) becomes on a scaled clock; any other clock is real already.
	 */
	public static java.time.Duration onClock(Clock clock, java.time.Duration real) {
		return clock instanceof ScaledClock scaled ? scaled.scaledDuration(real) : real;
	}

	/**
	 * How much real time passed between two readings of a clock: a span read off a scaled clock shrinks by
	 * its scale, any other clock's span is real already. Latency meters record real time, so that a queue
	 * hop of 30 ms is not reported as 12 minutes in a demo at ×1440.
	 */
	public static java.time.Duration realSpan(Clock clock, Instant from, Instant to) {
		java.time.Duration span = java.time.Duration.between(from, to);
		return clock instanceof ScaledClock scaled ? scaled.realDuration(span) : span;
	}
}
