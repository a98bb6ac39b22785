package tech.aiqem.chimera.planner.sweep;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import tech.aiqem.chimera.infra.time.ScaledClock;
import tech.aiqem.chimera.ledger.Ledger;
import tech.aiqem.chimera.ledger.TaskLedger;

/**
 * Fails, with E2001 and a {@code task_stuck} incident, tasks that sit in progress (or in review with
 * nothing that will move them on) past their deadline plus a grace: a message lost with a Redis that had
 * no persistence, a consumer that took it and vanished without a lease bringing it back. Nothing else
 * ends such a task; without the sweeper it would wait forever and its campaign would never finish.
 */
public final class TaskSweeper {

	private static final Logger log = LoggerFactory.getLogger(TaskSweeper.class);

	private final TaskLedger ledger;

	private final Clock clock;

	private final Duration grace;

	private final int batch;

	private final Counter swept;

	/** @param grace real time; converted to the clock's time when it runs scaled (a demo clock) */
	public TaskSweeper(Ledger ledger, Clock clock, Duration grace, int batch, MeterRegistry meters) {
		this.ledger = ledger.tasks();
		this.clock = clock;
		this.grace = ScaledClock.onClock(clock, grace);
		this.batch = batch;
		this.swept = Counter.builder("chimera.tasks.swept")
			.description("Tasks failed (E2001) because they were still open past their deadline plus grace")
			.register(meters);
	}

	/** One sweep; true when it failed a full batch (there may be more). */
	public boolean sweep() {
		Instant now = this.clock.instant();
		int count = this.ledger.swept(now.minus(this.grace), this.batch, now);
		if (count > 0) {
			this.swept.increment(count);
			log.warn("Failed {} task(s) still open past their deadline plus grace (E2001); see the task_stuck incidents", count);
		}
		return count >= this.batch;
	}
}
