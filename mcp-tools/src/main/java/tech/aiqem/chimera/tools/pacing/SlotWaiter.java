package tech.aiqem.chimera.tools.pacing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.stereotype.Component;

import tech.aiqem.chimera.infra.time.ScaledClock;

/**
 * Waits for a slot on the shared clock. With a scaled clock (the demo runs days in minutes) a span of
 * clock time is shorter in real time, which is what {@code max-wait} bounds.
 */
@Component
public class SlotWaiter {

	private final Clock clock;

	SlotWaiter(Clock clock) {
		this.clock = clock;
	}

	/** How long, in real time, until the clock reaches {@code slot} (zero if it has). */
	public Duration realTimeUntil(Instant slot) {
		Duration onClock = Duration.between(this.clock.instant(), slot);
		if (onClock.isNegative() || onClock.isZero()) {
			return Duration.ZERO;
		}
		return this.clock instanceof ScaledClock scaled ? scaled.realDuration(onClock) : onClock;
	}

	/**
	 * Blocks until the clock reaches {@code slot}, but no longer than {@code limit} of real time.
	 * @return true when the slot was reached
	 */
	public boolean awaitSlot(Instant slot, Duration limit) {
		long deadline = System.nanoTime() + limit.toNanos();
		Duration remaining;
		while (!(remaining = realTimeUntil(slot)).isZero()) {
			if (System.nanoTime() >= deadline) {
				return false;
			}
			try {
				Thread.sleep(Math.max(1, Math.min(remaining.toMillis(), 250)));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("interrupted while waiting for a posting slot", ex);
			}
		}
		return true;
	}
}
