package tech.aiqem.chimera.tools.pacing;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Decides the earliest slot for an account's next post from the slots it already has; pure, no I/O.
 * Slots are handed out in order (a new one never goes before an existing one), so only the windows
 * ending at the candidate need checking.
 */
public record PacingPolicy(int perHour, int perDay, Duration minSpacing, Duration jitter) {

	private static final Duration HOUR = Duration.ofHours(1);

	private static final Duration DAY = Duration.ofDays(1);

	public PacingPolicy {
		if (perHour < 1 || perDay < 1) {
			throw new IllegalArgumentException("posting quotas must be at least 1 per hour and per day");
		}
		if (minSpacing.isNegative() || jitter.isNegative()) {
			throw new IllegalArgumentException("spacing and jitter must not be negative");
		}
	}

	/**
	 * @param taken the account's slots of the last day (and any later ones), in ascending order
	 * @param now the current time
	 * @param blockedUntil when a platform rate limit lifts, or null
	 * @param jitterSeed a number from the post (e.g. its task id's hash) so its jitter is stable
	 */
	public Instant nextSlot(List<Instant> taken, Instant now, Instant blockedUntil, long jitterSeed) {
		Instant candidate = blockedUntil != null && blockedUntil.isAfter(now) ? blockedUntil : now;
		if (!taken.isEmpty()) {
			Instant spaced = taken.get(taken.size() - 1).plus(this.minSpacing);
			if (spaced.isAfter(candidate)) {
				candidate = spaced.plus(jitter(jitterSeed));
			}
		}
		for (int guard = 0; guard < 10_000; guard++) {
			Instant moved = pushPastWindow(taken, candidate, HOUR, this.perHour);
			moved = pushPastWindow(taken, moved, DAY, this.perDay);
			if (moved.equals(candidate)) {
				return candidate;
			}
			candidate = moved;
		}
		throw new IllegalStateException("no posting slot found; check the pacing configuration");
	}

	/** When the window ending at the candidate is full, the first moment the oldest slot in it leaves. */
	private static Instant pushPastWindow(List<Instant> taken, Instant candidate, Duration window, int limit) {
		Instant start = candidate.minus(window);
		int inWindow = 0;
		for (int i = taken.size() - 1; i >= 0; i--) {
			Instant slot = taken.get(i);
			if (slot.isAfter(start) && !slot.isAfter(candidate)) {
				inWindow++;
			}
			else if (!slot.isAfter(start)) {
				break;
			}
		}
		if (inWindow < limit) {
			return candidate;
		}
		// slots inside the window, ascending: the (inWindow - limit)-th must fall out
		int firstInWindow = indexOfFirstAfter(taken, start);
		Instant leaving = taken.get(firstInWindow + (inWindow - limit));
		return leaving.plus(window).plusMillis(1);
	}

	private static int indexOfFirstAfter(List<Instant> taken, Instant start) {
		for (int i = 0; i < taken.size(); i++) {
			if (taken.get(i).isAfter(start)) {
				return i;
			}
		}
		return taken.size();
	}

	private Duration jitter(long seed) {
		long millis = this.jitter.toMillis();
		return millis == 0 ? Duration.ZERO : Duration.ofMillis(Math.floorMod(seed, millis + 1));
	}
}
