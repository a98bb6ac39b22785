package tech.aiqem.chimera.judge.publish;

import java.time.Instant;
import java.util.UUID;

import tech.aiqem.chimera.ledger.Outbox;
import tech.aiqem.chimera.ledger.TaskLedger;
import tech.aiqem.chimera.model.ErrorCode;
import tech.aiqem.chimera.model.TaskStatus;

/**
 * What became of one claimed action, to be written with the other outcomes of its batch ({@link Publisher}).
 * Writing joins the caller's transaction; an outcome that is never written loses nothing: its action is
 * due again when its lease ends, and the repeated tool call answers the first outcome.
 */
sealed interface Outcome {

	UUID task();

	/** Writes it through the ledger: the task row with its event and the outbox row, or the outbox row alone. */
	void write(TaskLedger ledger, Outbox outbox);

	/**
	 * The action was performed: {@code complete}, or still {@code review} for a payment waiting for its receipt.
	 * {@code then} (may be null) runs once it is written: what follows a post and may fail without undoing it.
	 */
	record Published(UUID task, TaskStatus status, String ref, Instant at, Runnable then) implements Outcome {

		@Override
		public void write(TaskLedger ledger, Outbox outbox) {
			ledger.published(this.task, this.status, this.ref, this.at);
		}
	}

	/** Refused, invalidated or given up: the task and its outbox row fail. */
	record Failed(UUID task, ErrorCode code, String message, Instant at) implements Outcome {

		@Override
		public void write(TaskLedger ledger, Outbox outbox) {
			ledger.publishFailed(this.task, this.code, this.message, this.at);
		}
	}

	/** Not now (a paused campaign, a platform's quota): due again at {@code next}, attempts unchanged. */
	record Deferred(UUID task, Instant next, String reason) implements Outcome {

		@Override
		public void write(TaskLedger ledger, Outbox outbox) {
			outbox.defer(this.task, this.next, this.reason);
		}
	}

	/** A failed attempt that may succeed later: counted, due again at {@code next}. */
	record Retried(UUID task, int attempts, String error, Instant next) implements Outcome {

		@Override
		public void write(TaskLedger ledger, Outbox outbox) {
			outbox.retry(this.task, this.attempts, this.error, this.next);
		}
	}
}
