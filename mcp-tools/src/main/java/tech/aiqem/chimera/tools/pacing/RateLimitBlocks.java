package tech.aiqem.chimera.tools.pacing;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * Accounts a platform has told us to leave alone until some time (X's {@code x-rate-limit-reset} after a
 * 429 or an exhausted window, Meta's {@code estimated_time_to_regain_access}). Kept in this process: the
 * platform repeats the signal to any replica that calls it too early.
 */
@Component
public class RateLimitBlocks {

	private final Map<String, Instant> blocked = new ConcurrentHashMap<>();

	public void blockUntil(String accountKey, Instant until) {
		this.blocked.merge(accountKey, until, (a, b) -> a.isAfter(b) ? a : b);
	}

	/** When the account's block lifts, or null when it is not blocked at {@code now}. */
	public Instant blockedUntil(String accountKey, Instant now) {
		Instant until = this.blocked.get(accountKey);
		return until != null && until.isAfter(now) ? until : null;
	}
}
