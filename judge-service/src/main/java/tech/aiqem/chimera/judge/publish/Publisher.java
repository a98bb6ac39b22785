package tech.aiqem.chimera.judge.publish;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.support.TransactionTemplate;

import tech.aiqem.chimera.infra.observability.ErrorMeters;
import tech.aiqem.chimera.infra.time.ScaledClock;
import tech.aiqem.chimera.ledger.Ledger;
import tech.aiqem.chimera.ledger.Outbox;
import tech.aiqem.chimera.ledger.OutboxItem;
import tech.aiqem.chimera.ledger.TaskLedger;
import tech.aiqem.chimera.toolclient.ToolsClient;

/**
 * Performs approved actions from the outbox, a batch at a time. A batch is claimed with a lease
 * ({@link Outbox#claimBatch}) in one statement that commits on its own, so publisher replicas never take the
 * same action and one whose publisher died comes back when the lease ends. Its tool calls then run
 * concurrently on a bounded executor, outside any transaction and without a pooled connection; their
 * outcomes are written together in one short transaction, or each in its own when that fails, so one
 * outcome that cannot be written loses none of the others (its action comes back when its lease ends), and
 * a call whose lease ended while it waited for a thread is not made. The
 * tool call carries the task id, so repeating it after a crash returns the first outcome instead of posting
 * or paying again. Nothing stale is published: an action of a campaign that was edited or ended since is
 * invalidated (E1004); one of a paused campaign waits, and one of an agent that is not active is not even
 * claimed.
 */
public final class Publisher {

	private static final Logger log = LoggerFactory.getLogger(Publisher.class);

	private final TaskLedger ledger;

	private final Outbox outbox;

	private final TransactionTemplate transactions;

	private final Performer performer;

	private final ExecutorService calls;

	private final Clock clock;

	private final Duration lease;

	private final int batch;

	/**
	 * @param lease how long a claimed action stays out of other publishers' reach, in real time (longer than
	 * a batch's tool calls with their retries can take)
	 * @param batch actions claimed at once
	 * @param calls where the tool calls run; its threads bound how many are in flight at once
	 */
	public Publisher(Ledger ledger, TransactionTemplate transactions, ToolsClient tools, Clock clock,
			MeterRegistry meters, int maxAttempts, Duration lease, int batch, ExecutorService calls) {
		this.ledger = ledger.tasks();
		this.outbox = ledger.outbox();
		this.transactions = transactions;
		this.performer = new Performer(tools, clock, meters, maxAttempts);
		this.calls = calls;
		this.clock = clock;
		this.lease = ScaledClock.onClock(clock, lease);
		this.batch = batch;
		ErrorMeters.register(meters, "publisher");
	}

	/**
	 * Claims up to a batch of due actions, performs them concurrently and writes their outcomes; true when
	 * there was one. Interrupted, it leaves what it has not written to come back when the lease ends.
	 */
	public boolean publishBatch() throws InterruptedException {
		Instant now = this.clock.instant();
		Instant leaseUntil = now.plus(this.lease);
		List<OutboxItem> items = this.outbox.claimBatch(now, leaseUntil, this.batch);
		if (items.isEmpty()) {
			return false;
		}
		List<Outcome> outcomes = new ArrayList<>(items.size());
		List<Callable<Outcome>> performed = new ArrayList<>(items.size());
		for (OutboxItem item : items) {
			Outcome screened = this.performer.screen(item, now);
			if (screened != null) {
				outcomes.add(screened);
			}
			else {
				performed.add(() -> this.performer.perform(item, now, leaseUntil));
			}
		}
		for (Future<Outcome> call : this.calls.invokeAll(performed)) {
			Outcome outcome = done(call);
			if (outcome != null) {
				outcomes.add(outcome);
			}
		}
		List<Callable<Object>> then = new ArrayList<>();
		for (Outcome outcome : write(outcomes)) {
			if (outcome instanceof Outcome.Published published && published.then() != null) {
				then.add(Executors.callable(published.then()));
			}
		}
		this.calls.invokeAll(then);
		return true;
	}

	private static Outcome done(Future<Outcome> call) throws InterruptedException {
		try {
			return call.get();
		}
		catch (ExecutionException ex) {
			// Performer.perform catches what a call throws; this is an Error
			log.error("A publishing call failed; its action is due again when its lease ends", ex.getCause());
			return null;
		}
	}

	/**
	 * Writes the outcomes in one transaction (in task order, so two writers lock rows in the same order), or
	 * each in its own when that fails, until one finds no connection; returns those written. Throws only when
	 * none could be.
	 */
	private List<Outcome> write(List<Outcome> outcomes) {
		outcomes.sort(Comparator.comparing(Outcome::task));
		try {
			this.transactions.executeWithoutResult(status -> outcomes.forEach(outcome -> outcome.write(this.ledger, this.outbox)));
			return outcomes;
		}
		catch (RuntimeException ex) {
			if (outcomes.size() <= 1) {
				throw ex;
			}
			log.warn("Writing {} publishing outcomes together failed ({}); writing each on its own", outcomes.size(), ex.toString());
		}
		List<Outcome> written = new ArrayList<>(outcomes.size());
		RuntimeException failure = null;
		for (Outcome outcome : outcomes) {
			try {
				this.transactions.executeWithoutResult(status -> outcome.write(this.ledger, this.outbox));
				written.add(outcome);
			}
			catch (CannotCreateTransactionException ex) {
				// no connection to be had: each of the others would wait the pool's timeout for nothing
				log.warn("No connection to write the publishing outcomes left; their actions are due again when their "
						+ "leases end: {}", ex.toString());
				failure = ex;
				break;
			}
			catch (RuntimeException ex) {
				log.warn("Could not write the publishing outcome of task {}; it is due again when its lease ends: {}",
						outcome.task(), ex.toString());
				failure = ex;
			}
		}
		if (written.isEmpty()) {
			throw failure;
		}
		return written;
	}
}
