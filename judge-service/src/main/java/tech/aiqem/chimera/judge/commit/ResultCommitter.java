package tech.aiqem.chimera.judge.commit;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import tech.aiqem.chimera.infra.observability.ErrorMeters;
import tech.aiqem.chimera.infra.time.ScaledClock;
import tech.aiqem.chimera.judge.review.Judged;
import tech.aiqem.chimera.judge.review.TaskState;
import tech.aiqem.chimera.ledger.CampaignVersions;
import tech.aiqem.chimera.ledger.Ledger;
import tech.aiqem.chimera.ledger.TaskLedger;
import tech.aiqem.chimera.model.message.ResultMessage;

/**
 * Commits judged results in batches with per-campaign optimistic concurrency: each campaign's results
 * commit together only if the campaign is still at the version they were validated against
 * ({@link CampaignVersions#advance}); conflicting ones are re-validated and retried. The rows themselves
 * are the ledger's ({@link TaskLedger#judged}), one JDBC batch per statement.
 */
public final class ResultCommitter {

	private static final Logger log = LoggerFactory.getLogger(ResultCommitter.class);

	private final JdbcClient jdbc;

	private final TaskLedger ledger;

	private final CampaignVersions campaigns;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final MeterRegistry meters;

	private final Duration reviewDeadline;

	/** Real time: a review deadline is a human's SLA, not campaign time (which the demo runs faster). */
	private final Clock realClock;

	private final int retries;

	/**
	 * @param jdbc the ledger's database, to re-read tasks whose campaign moved on
	 */
	public ResultCommitter(JdbcClient jdbc, Ledger ledger, TransactionTemplate transactions, Clock clock,
			MeterRegistry meters, Duration reviewDeadline, int retries) {
		this(jdbc, ledger, transactions, clock, Clock.systemUTC(), meters, reviewDeadline, retries);
	}

	/**
	 * @param clock the deployment's (possibly scaled) clock: commit and task times
	 * @param realClock real time, for review deadlines
	 */
	public ResultCommitter(JdbcClient jdbc, Ledger ledger, TransactionTemplate transactions, Clock clock,
			Clock realClock, MeterRegistry meters, Duration reviewDeadline, int retries) {
		this.realClock = realClock;
		this.jdbc = jdbc;
		this.ledger = ledger.tasks();
		this.campaigns = ledger.campaigns();
		this.transactions = transactions;
		this.clock = clock;
		this.meters = meters;
		this.reviewDeadline = reviewDeadline;
		this.retries = retries;
		// Registered at zero so that dashboards and alerts see the series before the first conflict.
		meters.counter("chimera.occ.conflicts");
		ErrorMeters.register(meters, "judge");
	}

	/**
	 * Commits what can be committed and returns it; results still conflicting after the retries, or whose
	 * task is gone, are left out, and the caller returns their messages to the queue.
	 */
	public List<Judged> commit(List<Judged> judged) {
		List<Judged> committed = new ArrayList<>();
		List<Judged> pending = new ArrayList<>(judged);
		for (int attempt = 0; !pending.isEmpty(); attempt++) {
			// Grouped by campaign and the version validated against: each group is one OCC check. In the order of
			// the campaign ids, so that judges committing at once lock campaign rows in the same order.
			Map<String, List<Judged>> byCampaign = new TreeMap<>();
			for (Judged item : pending) {
				if (item.writes()) {
					byCampaign.computeIfAbsent(item.task().campaignId() + "@" + item.task().campaignVersion(),
							id -> new ArrayList<>()).add(item);
				}
				else {
					committed.add(item);
				}
			}
			List<Judged> conflicted = new ArrayList<>();
			List<Judged> applied = new ArrayList<>();
			long started = System.nanoTime();
			this.transactions.executeWithoutResult(status -> {
				Instant now = this.clock.instant();
				for (List<Judged> items : byCampaign.values()) {
					if (this.campaigns.advance(items.get(0).task().campaignId(), items.get(0).task().campaignVersion(),
						items.size(), now)) {
						applied.addAll(items);
					}
					else {
						conflicted.addAll(items);
					}
				}
				// Every campaign's rows in one JDBC batch per statement, not one per campaign.
				writeAll(applied, now);
			});
			this.meters.timer("chimera.hop.judge_commit", "outcome", "committed").record(Duration.ofNanos(System.nanoTime() - started));
			committed.addAll(applied);
			if (conflicted.isEmpty()) {
				break;
			}
			this.meters.counter("chimera.occ.conflicts").increment(conflicted.size());
			if (attempt >= this.retries) {
				log.warn("{} result(s) still conflict after {} retries; they will be delivered again", conflicted.size(), attempt);
				break;
			}
			pending = revalidate(conflicted);
			pause(attempt);
		}
		return committed;
	}

	/** Re-reads the campaigns of conflicting results: stale ones are invalidated, the others retried as they are. */
	private List<Judged> revalidate(List<Judged> conflicted) {
		List<Judged> again = new ArrayList<>();
		for (Judged item : conflicted) {
			TaskState current = this.jdbc.sql(TaskState.SELECT + " WHERE t.id = :id")
				.param("id", item.task().taskId())
				.query(TaskState::map)
				.optional()
				.orElse(null);
			if (current == null) {
				continue;
			}
			Judged updated = item.against(current);
			if (current.settled()) {
				updated = new Judged(item.delivery(), item.result(), current, Judged.Kind.DUPLICATE, null, null,
						"already " + current.status(), BigDecimal.ZERO);
			}
			else if (current.staleness() != null && item.kind() != Judged.Kind.INVALIDATED && item.kind() != Judged.Kind.FAILED) {
				updated = updated.invalidated(current.staleness());
			}
			again.add(updated);
		}
		return again;
	}

	/**
	 * Writes the results of every campaign whose version check passed through the ledger (one JDBC batch per
	 * statement) and counts the ones that changed their task.
	 */
	private void writeAll(List<Judged> items, Instant now) {
		if (items.isEmpty()) {
			return;
		}
		Instant deadline = this.realClock.instant().plus(this.reviewDeadline);
		boolean[] written = this.ledger.judged(items.stream().map(item -> Judgements.of(item, deadline, now)).toList(), now);
		for (int i = 0; i < items.size(); i++) {
			if (written[i]) {
				count(items.get(i), now);
			}
		}
	}

	private void count(Judged item, Instant now) {
		TaskState task = item.task();
		ResultMessage result = item.result();
		this.meters.counter("chimera.judge.outcomes", "outcome", item.kind().name().toLowerCase(), "task_type",
				task.type().wire()).increment();
		if (item.code() != null) {
			ErrorMeters.count(this.meters, item.code(), "judge");
		}
		if (result.completedAt() != null) {
			this.meters.timer("chimera.hop.review_wait", "task_type", task.type().wire())
				.record(ScaledClock.realSpan(this.clock, result.completedAt(), now).abs());
		}
	}

	private static void pause(int attempt) {
		try {
			Thread.sleep(ThreadLocalRandom.current().nextLong(1, 5L << Math.min(attempt, 5)));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}
}
