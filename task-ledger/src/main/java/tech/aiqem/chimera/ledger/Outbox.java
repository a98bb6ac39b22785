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
	 * The next due item of an active agent, leased until {@code leaseUntil}: no replica takes it again
	 * before then, and if its claimer dies it is due again then. The row is locked only while claiming
	 * ({@code SKIP LOCKED}), so the action is performed outside any transaction. Items of an agent that is
	 * paused (or otherwise not active) are not taken: they wait, due, until the agent is resumed. Empty
	 * when nothing is due.
	 */
	Optional<OutboxItem> claimNext(Instant now, Instant leaseUntil);

	/** Not now (a paused campaign, a platform's quota): tried again at {@code next}; attempts unchanged. */
	void defer(UUID task, Instant next, String reason);

	/** A failed attempt that may succeed later: counted, tried again at {@code next}. */
	void retry(UUID task, int attempts, String error, Instant next);
}
