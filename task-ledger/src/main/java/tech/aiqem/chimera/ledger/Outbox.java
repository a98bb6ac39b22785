package tech.aiqem.chimera.ledger;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Approved actions waiting to be performed ({@code publications}). Rows are written with the approval
 * ({@link TaskLedger#judged}, {@link TaskLedger#approvedByHuman}) and ended with the task
 * ({@link TaskLedger#published}, {@link TaskLedger#publishFailed}); this port claims and reschedules them.
 */
public interface Outbox {

	/**
	 * Up to {@code limit} due items of active agents, oldest due first (returned in no particular order), each
	 * leased until {@code leaseUntil}: no replica takes them again before then, and if their claimer dies they
	 * are due again then. The claim is one statement that commits on its own; its rows are locked only while
	 * it runs ({@code SKIP LOCKED}: concurrent claimers take different rows, never wait for each other), so
	 * the actions are performed outside any transaction, without a connection held. Items of an agent that is
	 * paused (or otherwise not active) are not taken: they wait, due, until the agent is resumed. Empty when
	 * nothing is due.
	 */
	List<OutboxItem> claimBatch(Instant now, Instant leaseUntil, int limit);

	/** Not now (a paused campaign, a platform's quota): tried again at {@code next}; attempts unchanged. */
	void defer(UUID task, Instant next, String reason);

	/** A failed attempt that may succeed later: counted, tried again at {@code next}. */
	void retry(UUID task, int attempts, String error, Instant next);
}
