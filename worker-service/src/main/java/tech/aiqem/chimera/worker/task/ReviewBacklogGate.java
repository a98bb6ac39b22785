package tech.aiqem.chimera.worker.task;

import java.time.Duration;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds a worker's consumers back while more results wait for the judges than {@code max}: a result that
 * waits minutes in a review list has cost its model and tool calls already and ages there, while the task
 * it came from would have waited, unworked, in its queue or in PostgreSQL (bounded by the dispatcher). On a
 * machine the services share, the worker's CPU then goes to the judges. The count is the one the judges
 * publish ({@code chimera:review:backlog}), read at most once per {@code refresh} by this process; when no
 * judge publishes one, nothing holds the worker back.
 */
public final class ReviewBacklogGate {

	private static final Logger log = LoggerFactory.getLogger(ReviewBacklogGate.class);

	private final LongSupplier published;

	private final long max;

	private final long refreshNanos;

	private long readAt;

	private long count;

	private boolean holding;

	/**
	 * @param published the count the judges published (0 when none is current)
	 * @param max results waiting from which this worker pops nothing; 0 never holds back
	 */
	public ReviewBacklogGate(LongSupplier published, long max, Duration refresh) {
		this.published = published;
		this.max = max;
		this.refreshNanos = refresh.toNanos();
		this.readAt = System.nanoTime() - this.refreshNanos;
	}

	/** A gate that never holds back. */
	public static ReviewBacklogGate never() {
		return new ReviewBacklogGate(() -> 0, 0, Duration.ZERO);
	}

	/** True while the judges are behind by {@code max} results or more. */
	public synchronized boolean holdsBack() {
		if (this.max <= 0) {
			return false;
		}
		long now = System.nanoTime();
		if (now - this.readAt >= this.refreshNanos) {
			this.count = this.published.getAsLong();
			this.readAt = now;
			boolean holding = this.count >= this.max;
			if (holding != this.holding) {
				this.holding = holding;
				log.info(holding ? "Holding back: {} results wait for the judges (at most {} before workers pause)"
						: "Taking tasks again: {} results wait for the judges (pausing at {})", this.count, this.max);
			}
		}
		return this.holding;
	}
}
