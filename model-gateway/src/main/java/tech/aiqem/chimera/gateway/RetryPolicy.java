package tech.aiqem.chimera.gateway;

import java.time.Duration;
import java.util.Optional;

/**
 * Backoff between retries of a rate-limited call: exponential from {@code initialBackoff}, capped at
 * {@code maxBackoff}, with "equal jitter" (half the step fixed, half random) so that many workers
 * limited at once do not retry in lockstep. A provider's own hint (retry-after, reset headers) is a
 * floor: we wait at least that long, plus jitter, but never longer than {@code maxBackoff}.
 *
 * @param maxRetries retries after the first attempt; the call is made at most {@code maxRetries + 1} times
 */
record RetryPolicy(int maxRetries, Duration initialBackoff, Duration maxBackoff) {

	RetryPolicy {
		if (maxRetries < 0) {
			throw new IllegalArgumentException("maxRetries must not be negative");
		}
		if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
			throw new IllegalArgumentException("need 0 <= initialBackoff <= maxBackoff");
		}
	}

	/**
	 * @param retry 0 for the first retry
	 * @param hint what the provider asked for, if anything
	 * @param random a number in [0, 1)
	 */
	Duration delay(int retry, Optional<Duration> hint, double random) {
		long step = this.initialBackoff.toNanos() << Math.min(retry, 30);
		if (step < 0 || step > this.maxBackoff.toNanos()) {
			step = this.maxBackoff.toNanos();
		}
		long jitter = (long) (step / 2.0 * random);
		long nanos = hint.map(h -> h.toNanos() + jitter).orElse(step / 2 + jitter);
		return Duration.ofNanos(Math.min(nanos, this.maxBackoff.toNanos()));
	}
}
