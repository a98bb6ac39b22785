package tech.aiqem.chimera.ledger;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Approved actions waiting to be performed ({@code publications}). Rows are written with the approval
 * ({@link TaskLedger#judged}, {@link TaskLedger#approvedByHuman}) and ended with the task
 * ({@link TaskLedger#published}, {@link TaskLedger#publishFailed}); this port claims and reschedules them.
 */
public interface Outbox {

	/**
	 * The next due item, locked for this transaction ({@code FOR NO KEY UPDATE SKIP LOCKED}: replicas never
	 * take the same one); empty when nothing is due.
	 */
	Optional<OutboxItem> claimNext(Instant now);

	/** Not now (a paused campaign, a platform's quota): tried again at {@code next}; attempts unchanged. */
	void defer(UUID task, Instant next, String reason);

	/** A failed attempt that may succeed later: counted, tried again at {@code next}. */
	void retry(UUID task, int attempts, String error, Instant next);
}
